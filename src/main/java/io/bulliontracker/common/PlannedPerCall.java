package io.bulliontracker.common;

/**
 * Statements bound to arrays (the keys of a collection, the items of a batch) and how PostgreSQL plans
 * them. The client keeps statements prepared, and after five executions PostgreSQL plans a prepared
 * statement once, generically: it cannot know how many elements an array parameter holds, assumes a
 * handful and picks per-element index searches. Right for a small collection, slow for a large one
 * (prices at the cut-off for 10,000 keys: 125 ms through a generic plan, 38 ms planned with its arrays).
 *
 * <p>So above {@link #LARGE} elements a statement's text gets a closing comment that keeps it out of the
 * client's prepared-statement cache ({@link DatabasePoolCreator}): PostgreSQL then plans that call with
 * its actual parameters and joins instead of searching per element. Below it, the cached plan is the
 * right one and planning each call would only cost time (a quarter more for a 100-item collection, in
 * the bench). The comment changes neither the statement nor its parameters.
 */
public final class PlannedPerCall {

    /** More elements than this and a statement is planned with its arrays. */
    public static final int LARGE = 500;

    private static final String COMMENT = "-- planned per call (PlannedPerCall)";

    private PlannedPerCall() {
    }

    /** The statement to send for arrays of {@code elements} elements. */
    public static String sql(String sql, int elements) {
        return elements > LARGE ? sql + "\n" + COMMENT : sql;
    }

    /** Whether the text is one {@link #sql} marked to be planned at each call. */
    public static boolean marked(String sql) {
        return sql.endsWith(COMMENT);
    }

    /**
     * The statement as written, without the mark: also from a text whose whitespace was collapsed on the
     * way (the tests' wire proxy reports statements so), where the mark's line break became a space.
     */
    public static String unmarked(String sql) {
        if (!marked(sql)) {
            return sql;
        }
        String text = sql.substring(0, sql.length() - COMMENT.length());
        return text.endsWith("\n") || text.endsWith(" ") ? text.substring(0, text.length() - 1) : text;
    }
}
