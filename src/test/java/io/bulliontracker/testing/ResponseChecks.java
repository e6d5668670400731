package io.bulliontracker.testing;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;

public final class ResponseChecks {

    private static final List<String> INTERNALS = List.of("Exception", "at io.", "at org.", "java.", "SQL", "select ",
            "SELECT ", "INSERT", "postgres", "vertx", "hibernate");

    private ResponseChecks() {
    }

    /** No stack trace, class name or SQL in a response body. */
    public static void assertLeaksNothing(String body) {
        for (String internal : INTERNALS) {
            assertFalse(body.contains(internal),
                    () -> "response leaks '" + internal + "': " + body.substring(0, Math.min(300, body.length())));
        }
    }
}
