package io.bulliontracker.bench;

import java.util.List;
import java.util.Set;

/** One statement seen on the wire: its text (whitespace collapsed) and how many parameters it was bound with. */
record SqlStatement(String text, int parameters) {

    private static final Set<String> TRANSACTION_CONTROL = Set.of("BEGIN", "COMMIT", "ROLLBACK");

    boolean isTransactionControl() {
        return TRANSACTION_CONTROL.contains(text.trim().toUpperCase());
    }

    /** The statements that do work: the query budget excludes BEGIN/COMMIT/ROLLBACK. */
    static List<SqlStatement> work(List<SqlStatement> all) {
        return all.stream().filter(s -> !s.isTransactionControl()).toList();
    }

    static long transactionControl(List<SqlStatement> all) {
        return all.stream().filter(SqlStatement::isTransactionControl).count();
    }
}
