package io.bulliontracker.bench;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Throughput: N threads, each sending the same request back to back over its own keep-alive
 * connection (a shared HTTP/1.1 client opens one per concurrent request), for a fixed time. Bounded
 * in time, loopback only. Errors are non-200 answers and failed exchanges; the target is zero.
 */
final class LoadTest {

    record Result(int threads, double seconds, long requests, long errors, String firstError,
            double requestsPerSecond, double p50Millis, double p99Millis, CpuMeter.Usage cpu) {
    }

    private LoadTest() {
    }

    static Result run(HttpRequest request, int threads, int warmupSeconds, int seconds, long servicePid) throws Exception {
        HttpClient client = ServiceClient.newHttpClient();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            runFor(client, request, pool, threads, warmupSeconds, servicePid);
            return runFor(client, request, pool, threads, seconds, servicePid);
        } finally {
            pool.shutdownNow();
        }
    }

    private static Result runFor(HttpClient client, HttpRequest request, ExecutorService pool, int threads, int seconds,
            long servicePid) throws Exception {
        AtomicReference<String> firstError = new AtomicReference<>();
        CpuMeter.Snapshot cpuBefore = CpuMeter.take(servicePid);
        long start = System.nanoTime();
        long end = start + seconds * 1_000_000_000L;
        List<Future<Worker>> workers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            workers.add(pool.submit(() -> new Worker().loop(client, request, end, firstError)));
        }
        long requests = 0;
        long errors = 0;
        long[] all = new long[0];
        for (Future<Worker> future : workers) {
            Worker worker = future.get();
            requests += worker.count;
            errors += worker.errors;
            long[] merged = Arrays.copyOf(all, all.length + worker.count);
            System.arraycopy(worker.nanos, 0, merged, all.length, worker.count);
            all = merged;
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        CpuMeter.Usage cpu = CpuMeter.between(cpuBefore, CpuMeter.take(servicePid));
        Arrays.sort(all);
        return new Result(threads, elapsed, requests, errors, firstError.get(), requests / elapsed,
                nearestRank(all, 50) / 1e6, nearestRank(all, 99) / 1e6, cpu);
    }

    private static long nearestRank(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.max(0, (int) Math.ceil(p / 100 * sorted.length) - 1)];
    }

    /** One connection's loop: its request count, error count and latencies. */
    private static final class Worker {
        long[] nanos = new long[1024];
        int count;
        long errors;

        Worker loop(HttpClient client, HttpRequest request, long end, AtomicReference<String> firstError) {
            while (System.nanoTime() < end) {
                long start = System.nanoTime();
                String error = null;
                try {
                    HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
                    if (response.statusCode() != 200) {
                        error = "HTTP " + response.statusCode();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return this;
                } catch (Exception e) {
                    error = e.toString();
                }
                if (count == nanos.length) {
                    nanos = Arrays.copyOf(nanos, count * 2);
                }
                nanos[count++] = System.nanoTime() - start;
                if (error != null) {
                    errors++;
                    firstError.compareAndSet(null, error);
                }
            }
            return this;
        }
    }
}
