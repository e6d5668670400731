package io.bulliontracker.bench;

import io.bulliontracker.common.PlannedPerCall;
import io.bulliontracker.testing.PgWireProxy;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

/**
 * What the counting phase found: statements per request for each route, size and design, the
 * service's statement texts (to check they do not change with size), and the fairness checks. Kept in
 * a properties file because the service is restarted between the counting and the timing phases.
 */
final class CountResults {

    private final Properties values = new Properties();

    void statements(Route route, int size, Design design, String call, List<String> all) {
        String key = "statements." + route.key + "." + size + "." + design.key + "." + call;
        List<String> work = all.stream().filter(s -> !PgWireProxy.isTransactionControl(s)).toList();
        values.setProperty(key + ".work", String.valueOf(work.size()));
        values.setProperty(key + ".transaction", String.valueOf(all.size() - work.size()));
        if (design == Design.SERVICE) {
            // The service runs three of its statements concurrently: sort, so only texts and counts matter.
            // Texts alone suffice: a Bind must supply exactly the parameters its statement's text takes.
            // A large collection's statements carry PlannedPerCall's closing comment (planned with their
            // arrays): the same statement, so it is compared without it.
            String signature = String.join("\n", work.stream().map(PlannedPerCall::unmarked).sorted().toList());
            values.setProperty("signature." + route.key + "." + size + "." + call, signature);
        }
    }

    int work(Route route, int size, Design design, String call) {
        return Integer.parseInt(need("statements." + route.key + "." + size + "." + design.key + "." + call + ".work"));
    }

    int transactionControl(Route route, int size, Design design, String call) {
        return Integer.parseInt(need("statements." + route.key + "." + size + "." + design.key + "." + call + ".transaction"));
    }

    String signature(Route route, int size, String call) {
        return need("signature." + route.key + "." + size + "." + call);
    }

    void check(Route route, int size, String outcome) {
        values.setProperty("check." + route.key + "." + size, outcome);
    }

    String check(Route route, int size) {
        return need("check." + route.key + "." + size);
    }

    /** Anything else a phase found (portfolio routes, the refresh), under a dotted key. */
    void put(String key, Object value) {
        values.setProperty(key, String.valueOf(value));
    }

    boolean has(String key) {
        return values.containsKey(key);
    }

    String get(String key) {
        return need(key);
    }

    int getInt(String key) {
        return Integer.parseInt(need(key));
    }

    private String need(String key) {
        String value = values.getProperty(key);
        if (value == null) {
            throw new IllegalStateException("the counting phase recorded no " + key);
        }
        return value;
    }

    void save(Path file) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            values.store(out, "statement counts and checks of the counting phase");
        }
    }

    static CountResults load(Path file) throws IOException {
        CountResults results = new CountResults();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            results.values.load(in);
        }
        return results;
    }
}
