package io.bulliontracker.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where the service spends its CPU under load: the throughput run again (performance for the 100-item
 * user, 32 connections) while the service records a Java Flight Recording (run.sh starts and stops it
 * with jcmd around this phase), then the recording's execution samples summed two ways. By the
 * innermost frame (self time: which method burns the CPU) and by activity: each sample charged to the
 * first frame of its stack, from the top, that names something we can act on (our own code, JSON
 * writing, the PostgreSQL client's decoding, JWT checks, HTTP I/O), so that the table says which part
 * of a request costs what. Run separately from the throughput measurement, so the recording's own
 * overhead never touches the reported requests per second.
 */
final class ProfilePhase {

    /** An activity and the frame prefixes that identify it, checked from the top of the stack down. */
    private record Activity(String name, List<String> prefixes) {

        boolean owns(RecordedFrame frame) {
            String type = frame.getMethod().getType().getName();
            return prefixes.stream().anyMatch(type::startsWith);
        }
    }

    private static final List<Activity> ACTIVITIES = List.of(
            new Activity("JSON writing (Jackson)", List.of("com.fasterxml.jackson.")),
            new Activity("JWT verification (smallrye-jwt, jose4j)", List.of("io.smallrye.jwt.", "org.jose4j.")),
            new Activity("PostgreSQL client: encoding, decoding rows", List.of("io.vertx.pgclient.", "io.vertx.sqlclient.")),
            new Activity("service code (io.bulliontracker)", List.of("io.bulliontracker.")),
            new Activity("Mutiny", List.of("io.smallrye.mutiny.")),
            new Activity("HTTP server, routing, security (Quarkus, RESTEasy Reactive)",
                    List.of("io.quarkus.", "org.jboss.resteasy.")),
            new Activity("network I/O (Netty, Vert.x core)", List.of("io.netty.", "io.vertx.core.")));

    /** A sample whose stack holds none of the above: the JDK's own work when its top frame is the JDK's. */
    private static final Activity JDK = new Activity("JDK (collections, BigDecimal, strings...)",
            List.of("java.", "jdk.", "sun."));

    private final BenchSettings settings;

    ProfilePhase(BenchSettings settings) {
        this.settings = settings;
    }

    static Path resultsFile(BenchSettings settings) {
        return settings.workDir().resolve("profile.properties");
    }

    static Path recordingFile(BenchSettings settings) {
        return settings.workDir().resolve("throughput.jfr");
    }

    /** Puts the profile's section into RESULTS.md, before the targets, once the measure phase wrote it. */
    void report() throws IOException {
        Summary summary = Summary.read(settings);
        Path results = settings.resultsFile();
        if (summary == null || !Files.exists(results)) {
            throw new IllegalStateException("no recording or no " + results + " to add it to");
        }
        String section = "## Where the service's CPU goes\n\n"
                + summary.markdown(Collections.min(settings.sizes()), settings.loadThreads()) + "\n";
        String md = Files.readString(results);
        int at = md.indexOf("## Targets");
        Files.writeString(results, at < 0 ? md + section : md.substring(0, at) + section + md.substring(at));
        System.out.print(section);
    }

    /** The load only: run.sh has started the recording and dumps it when this returns. */
    void load() throws Exception {
        ServiceClient service = new ServiceClient(ServiceClient.newHttpClient(), settings.serviceUrl(),
                new Tokens(settings.privateKey(), settings.issuer()));
        int size = Collections.min(settings.sizes());
        LoadTest.Result result = LoadTest.run(service.performanceRequest(BenchSettings.userFor(size)),
                settings.loadThreads(), settings.loadWarmupSeconds(), settings.loadSeconds(), settings.servicePid());
        System.out.printf(Locale.ROOT, "    while recording: %,d requests, %.0f req/s, %d errors%n",
                result.requests(), result.requestsPerSecond(), result.errors());
        Properties out = new Properties();
        out.setProperty("requests", String.valueOf(result.requests()));
        out.setProperty("requestsPerSecond", String.valueOf(result.requestsPerSecond()));
        out.setProperty("errors", String.valueOf(result.errors()));
        out.setProperty("serviceCores", String.valueOf(result.cpu().service()));
        try (var writer = Files.newBufferedWriter(resultsFile(settings))) {
            out.store(writer, "throughput while recording");
        }
    }

    /** The summary of a recording: samples by activity and the hottest methods by self time. */
    record Summary(long samples, long requests, double requestsPerSecond, double serviceCores,
            Map<String, Long> byActivity, List<Map.Entry<String, Long>> hottest) {

        static Summary read(BenchSettings settings) {
            Path jfr = recordingFile(settings);
            Path props = resultsFile(settings);
            if (!Files.exists(jfr) || !Files.exists(props)) {
                return null;
            }
            Properties load = new Properties();
            try (var reader = Files.newBufferedReader(props)) {
                load.load(reader);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Map<String, Long> byActivity = new LinkedHashMap<>();
            for (Activity activity : ACTIVITIES) {
                byActivity.put(activity.name(), 0L);
            }
            byActivity.put(JDK.name(), 0L);
            byActivity.put("other", 0L);
            Map<String, Long> self = new HashMap<>();
            long samples = 0;
            try (RecordingFile file = new RecordingFile(jfr)) {
                while (file.hasMoreEvents()) {
                    RecordedEvent event = file.readEvent();
                    if (!event.getEventType().getName().equals("jdk.ExecutionSample")) {
                        continue;
                    }
                    RecordedStackTrace stack = event.getStackTrace();
                    if (stack == null || stack.getFrames().isEmpty()) {
                        continue;
                    }
                    samples++;
                    List<RecordedFrame> frames = stack.getFrames();
                    self.merge(name(frames.get(0)), 1L, Long::sum);
                    byActivity.merge(activityOf(frames), 1L, Long::sum);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            List<Map.Entry<String, Long>> hottest = new ArrayList<>(self.entrySet());
            hottest.sort(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()));
            return new Summary(samples, Long.parseLong(load.getProperty("requests")),
                    Double.parseDouble(load.getProperty("requestsPerSecond")),
                    Double.parseDouble(load.getProperty("serviceCores")), byActivity,
                    List.copyOf(hottest.subList(0, Math.min(15, hottest.size()))));
        }

        /** The RESULTS.md section: activities with their share and CPU per request, then the hottest methods. */
        String markdown(int loadSize, int threads) {
            double cpuPerRequest = serviceCores * 1000 / Math.max(requestsPerSecond, 1e-9);
            StringBuilder md = new StringBuilder();
            md.append(String.format(Locale.ROOT, "The throughput run once more (%,d-item user, %d connections) while the service "
                    + "records a Java Flight Recording (`jcmd <pid> JFR.start settings=profile`, kept as "
                    + "`bench/work/throughput.jfr`): %,d requests at %,.0f req/s, %.2f ms of service CPU per request, "
                    + "%,d execution samples. Recording slows the service (compare the unrecorded run above): the "
                    + "shares are the point, not the rate. Each sample is charged to the first frame from the top of its "
                    + "stack that belongs to an activity below (a JDK method called by Jackson is Jackson's cost).%n%n",
                    loadSize, threads, requests, requestsPerSecond, cpuPerRequest, samples));
            md.append("| activity | share of samples | service CPU per request |\n|---|---:|---:|\n");
            byActivity.entrySet().stream().filter(e -> e.getValue() > 0)
                    .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
                    .forEach(e -> md.append(String.format(Locale.ROOT, "| %s | %.1f%% | %.3f ms |%n", e.getKey(),
                            100.0 * e.getValue() / samples, cpuPerRequest * e.getValue() / samples)));
            md.append("\nHottest methods by self time (the innermost frame of a sample):\n\n");
            md.append("| method | share of samples |\n|---|---:|\n");
            for (Map.Entry<String, Long> entry : hottest) {
                md.append(String.format(Locale.ROOT, "| `%s` | %.1f%% |%n", entry.getKey(), 100.0 * entry.getValue() / samples));
            }
            return md.toString();
        }

        private static String activityOf(List<RecordedFrame> frames) {
            // Top of the stack first: a JDK frame called by Jackson is Jackson's cost; the first frame
            // that belongs to a named activity decides.
            for (RecordedFrame frame : frames) {
                for (Activity activity : ACTIVITIES) {
                    if (activity.owns(frame)) {
                        return activity.name();
                    }
                }
            }
            return JDK.owns(frames.get(0)) ? JDK.name() : "other";
        }

        private static String name(RecordedFrame frame) {
            String type = frame.getMethod().getType().getName();
            return type.substring(type.lastIndexOf('.') + 1) + "." + frame.getMethod().getName();
        }
    }
}
