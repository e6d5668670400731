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

    private static final String MARK = "\n-- planned per call (PlannedPerCall)";

    private PlannedPerCall() {
    }

    /** The statement to send for arrays of {@code elements} elements. */
    public static String sql(String sql, int elements) {
        return elements > LARGE ? sql + MARK : sql;
    }

    /** Whether the text is one {@link #sql} marked to be planned at each call. */
    public static boolean marked(String sql) {
        return sql.endsWith(MARK);
    }

    /** The statement as written, without the mark. */
    public static String unmarked(String sql) {
        return marked(sql) ? sql.substring(0, sql.length() - MARK.length()) : sql;
    }
}
