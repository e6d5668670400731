package io.bulliontracker.refresh;

import io.bulliontracker.common.DatabaseUnavailableException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * The refresh of all users' guide prices: takes the advisory lock, then runs batches in id order until
 * one comes back short. Each batch commits on its own, so a run cut short keeps every batch it
 * committed; the next run goes over all items again, and those batches then change nothing (same value,
 * same history row) while the rest get their values.
 */
@ApplicationScoped
public class PriceRefresh {

    /** Who started a run; a tag on the run metrics. */
    public enum Trigger {
        SCHEDULE, ADMIN;

        String tag() {
            return name().toLowerCase();
        }
    }

    /** A started run: its result when it ends, and its progress at any moment. */
    public record Run(Uni<RefreshResult> result, Supplier<RefreshResult> progress) {
    }

    private static final Logger LOG = Logger.getLogger(PriceRefresh.class);

    private final RefreshLock lock;
    private final RefreshBatches batches;
    private final RefreshConfig config;
    private final Clock clock;
    private final MeterRegistry registry;
    private final Counter synced;
    private final Counter updated;
    private final Counter skipped;
    /** This replica's own runs; the advisory lock covers the others. */
    private final AtomicBoolean running = new AtomicBoolean();

    public PriceRefresh(RefreshLock lock, RefreshBatches batches, RefreshConfig config, Clock clock,
            MeterRegistry registry) {
        this.lock = lock;
        this.batches = batches;
        this.config = config;
        this.clock = clock;
        this.registry = registry;
        this.synced = items(registry, "synced");
        this.updated = items(registry, "updated");
        this.skipped = items(registry, "skipped");
    }

    /**
     * Starts a run unless one is in progress anywhere ({@link RefreshBusyException}). The run, once
     * started, belongs to no caller: it goes on to its end whether or not anyone waits for the result.
     */
    public Uni<Run> start(Trigger trigger) {
        if (!running.compareAndSet(false, true)) {
            return busy(trigger, "A price refresh is already running on this replica");
        }
        return lock.tryAcquire()
                .onFailure().invoke(failure -> {
                    running.set(false);
                    outcome(trigger, "failed");
                    LOG.warnf("Price refresh (%s) could not start: %s", trigger.tag(), failure.toString());
                })
                .flatMap(held -> {
                    if (held == null) {
                        running.set(false);
                        return busy(trigger, "A price refresh is already running on another replica");
                    }
                    return Uni.createFrom().item(launch(trigger, held));
                });
    }

    private Uni<Run> busy(Trigger trigger, String message) {
        outcome(trigger, "busy");
        LOG.infof("Price refresh (%s) not started: %s", trigger.tag(), message);
        return Uni.createFrom().failure(new RefreshBusyException(message));
    }

    private Run launch(Trigger trigger, RefreshLock.Held held) {
        int size = config.batchSize();
        LocalDate today = LocalDate.now(clock);
        Progress progress = new Progress(System.nanoTime());
        LOG.infof("Price refresh (%s) started: batches of %d, history date %s", trigger.tag(), size, today);
        Uni<RefreshResult> result = Multi.createBy().repeating()
                .uni(() -> new String[] {""}, after -> {
                    if (held.lost()) {
                        // Without the lock another replica may already be running: stop here.
                        return Uni.createFrom().failure(
                                new DatabaseUnavailableException("The refresh lost its advisory-lock session", null));
                    }
                    return batches.next(after[0], size, today).invoke(batch -> after[0] = batch.lastId());
                })
                .whilst(batch -> batch.items() == size)
                .onItem().invoke(batch -> {
                    progress.add(batch);
                    synced.increment(batch.synced());
                    updated.increment(batch.updated());
                    skipped.increment(batch.skipped());
                })
                .collect().last()
                .map(last -> progress.snapshot())
                .onTermination().call(held::release)
                .onTermination().invoke(() -> running.set(false))
                .invoke(done -> {
                    record(trigger, "completed", progress);
                    LOG.infof("Price refresh (%s) completed: %s", trigger.tag(), done);
                })
                .onFailure().invoke(failure -> {
                    record(trigger, "failed", progress);
                    LOG.errorf("Price refresh (%s) failed after %s; the committed batches stay, the next run "
                            + "completes the rest: %s", trigger.tag(), progress.snapshot(), failure.toString());
                })
                .memoize().indefinitely();
        // Subscribed here, not by a caller: a caller that stops waiting must not cancel the run.
        result.subscribe().with(done -> { }, failure -> { });
        return new Run(result, progress::snapshot);
    }

    private void record(Trigger trigger, String outcome, Progress progress) {
        outcome(trigger, outcome);
        Timer.builder("bullion.refresh.duration").description("Duration of guide-price refresh runs")
                .tag("outcome", outcome).register(registry)
                .record(System.nanoTime() - progress.startedNanos, TimeUnit.NANOSECONDS);
    }

    private void outcome(Trigger trigger, String outcome) {
        Counter.builder("bullion.refresh.runs").description("Guide-price refresh runs by how they ended")
                .tag("trigger", trigger.tag()).tag("outcome", outcome).register(registry).increment();
    }

    private static Counter items(MeterRegistry registry, String result) {
        return Counter.builder("bullion.refresh.items").description("Items handled by guide-price refresh runs")
                .tag("result", result).register(registry);
    }

    /** Counts of the batches committed so far; read by the request that waits for the run. */
    private static final class Progress {

        private final long startedNanos;
        private long synced;
        private long updated;
        private long skipped;
        private int batches;

        Progress(long startedNanos) {
            this.startedNanos = startedNanos;
        }

        synchronized void add(RefreshBatches.Batch batch) {
            if (batch.items() == 0) {
                return;
            }
            synced += batch.synced();
            updated += batch.updated();
            skipped += batch.skipped();
            batches++;
        }

        synchronized RefreshResult snapshot() {
            return new RefreshResult(synced, updated, skipped, batches,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos));
        }
    }
}
