package io.bulliontracker.refresh;

import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Singleton;

/**
 * The daily trigger. Every replica fires it; the advisory lock lets one of them run and the others find
 * it taken, which is their normal outcome, not an error. Returning a Uni keeps the run off worker threads.
 */
@ApplicationScoped
public class RefreshSchedule {

    static final String IDENTITY = "guide-price-refresh";

    private final PriceRefresh refresh;

    public RefreshSchedule(PriceRefresh refresh) {
        this.refresh = refresh;
    }

    @Scheduled(identity = IDENTITY, cron = "${bullion.refresh.cron}", timeZone = "UTC",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = WhenDisabled.class)
    Uni<Void> daily() {
        // PriceRefresh logs and counts every outcome; the scheduler has nothing to add.
        return refresh.start(PriceRefresh.Trigger.SCHEDULE)
                .flatMap(PriceRefresh.Run::result)
                .replaceWithVoid()
                .onFailure().recoverWithNull();
    }

    /** {@code bullion.refresh.enabled=false}: the trigger fires and is skipped. */
    @Singleton
    public static class WhenDisabled implements Scheduled.SkipPredicate {

        private final RefreshConfig config;

        public WhenDisabled(RefreshConfig config) {
            this.config = config;
        }

        @Override
        public boolean test(ScheduledExecution execution) {
            return !config.enabled();
        }
    }
}
