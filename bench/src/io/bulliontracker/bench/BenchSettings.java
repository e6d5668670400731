package io.bulliontracker.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything run.sh decides (ports, database, sizes, how long to measure), passed as --key=value
 * arguments so the Java side never guesses a port or a path on its own.
 */
record BenchSettings(
        String dbHost, int dbPort, String dbName, String dbUser,
        int proxyPort, int proxyControlPort,
        String serviceUrl, String issuer, Path privateKey,
        List<Integer> sizes, boolean quick, String seed,
        Path workDir, Path resultsFile, Path chartFile,
        int warmupCalls, int measuredCalls,
        int nPlusOneWarmupCalls, int nPlusOneMeasuredCalls,
        int nPlusOneLargeWarmupCalls, int nPlusOneLargeMeasuredCalls, int nPlusOneLargeFrom,
        int warmupSeconds, int nPlusOneWarmupSeconds, int loadThreads, int loadWarmupSeconds, int loadSeconds,
        String gitCommit, long startedEpochSeconds, long buildSeconds, long servicePid,
        List<Integer> portfolioSizes, int refreshUsers, List<Integer> networkDelaysMicros) {

    static BenchSettings parse(String[] args) {
        Map<String, String> opts = new HashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                continue;
            }
            int eq = arg.indexOf('=');
            opts.put(arg.substring(2, eq), arg.substring(eq + 1));
        }
        boolean quick = Boolean.parseBoolean(opts.getOrDefault("quick", "false"));
        List<Integer> sizes = numbers(need(opts, "sizes"));
        return new BenchSettings(
                opts.getOrDefault("db-host", "127.0.0.1"), Integer.parseInt(opts.getOrDefault("db-port", "5432")),
                need(opts, "db-name"), opts.getOrDefault("db-user", "postgres"),
                Integer.parseInt(need(opts, "proxy-port")), Integer.parseInt(need(opts, "proxy-control-port")),
                need(opts, "service-url"), need(opts, "issuer"), Path.of(need(opts, "private-key")),
                List.copyOf(sizes), quick, need(opts, "seed"),
                Path.of(need(opts, "work-dir")), Path.of(need(opts, "results")), Path.of(need(opts, "chart")),
                5, quick ? 20 : 30,
                3, 20,
                1, 3, 10_000,
                quick ? 5 : 20, quick ? 4 : 10, 32, quick ? 2 : 5, quick ? 5 : 30,
                opts.getOrDefault("git-commit", "unknown"),
                Long.parseLong(opts.getOrDefault("started", String.valueOf(System.currentTimeMillis() / 1000))),
                Long.parseLong(opts.getOrDefault("build-seconds", "-1")),
                Long.parseLong(opts.getOrDefault("service-pid", "-1")),
                numbers(need(opts, "portfolio-sizes")), Integer.parseInt(need(opts, "refresh-users")),
                numbers(opts.getOrDefault("network-delays-micros", "1000,5000")));
    }

    private static List<Integer> numbers(String csv) {
        List<Integer> numbers = new ArrayList<>();
        for (String s : csv.split(",")) {
            numbers.add(Integer.parseInt(s.trim()));
        }
        return List.copyOf(numbers);
    }

    private static String need(Map<String, String> opts, String key) {
        String value = opts.get(key);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("missing --" + key + "=...");
        }
        return value;
    }

    static String userFor(int size) {
        return "bench-user-" + size;
    }

    /** The owner of a mixed bullion/numismatic collection of that size (the portfolio routes' data). */
    static String portfolioUserFor(int size) {
        return "bench-portfolio-" + size;
    }

    /** The sizes a portfolio route is measured at: summaries at the largest only, history at every size. */
    List<Integer> sizesFor(PortfolioRoute route) {
        return route.history ? portfolioSizes : List.of(portfolioSizes.get(portfolioSizes.size() - 1));
    }

    /** Items the refresh values beyond the valuation users': 100 per refresh user. */
    int refreshItems() {
        return refreshUsers * 100;
    }

    /** The N+1 baseline takes seconds per call on the largest collection, so it gets fewer calls there. */
    int nPlusOneWarmups(int size) {
        return size >= nPlusOneLargeFrom ? nPlusOneLargeWarmupCalls : nPlusOneWarmupCalls;
    }

    int nPlusOneCalls(int size) {
        return size >= nPlusOneLargeFrom ? nPlusOneLargeMeasuredCalls : nPlusOneMeasuredCalls;
    }
}
