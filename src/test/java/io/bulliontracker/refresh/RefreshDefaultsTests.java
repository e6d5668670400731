package io.bulliontracker.refresh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

/** The defaults, in the application's usual test profile (where only {@code enabled} is overridden). */
@QuarkusTest
class RefreshDefaultsTests {

    @Inject
    Scheduler scheduler;

    @Inject
    RefreshConfig config;

    @Test
    void theRefreshIsScheduledDailyAt0600UtcInBatchesOf5000() {
        Instant next = scheduler.getScheduledJob(RefreshSchedule.IDENTITY).getNextFireTime();
        ZonedDateTime utc = next.atZone(ZoneOffset.UTC);
        assertEquals(6, utc.getHour());
        assertEquals(0, utc.getMinute());
        assertEquals(0, utc.getSecond());
        assertTrue(Duration.between(Instant.now(), next).compareTo(Duration.ofDays(1)) <= 0, "next run " + next);
        assertEquals(5000, config.batchSize());
        assertEquals(Duration.ofMinutes(5), config.requestTimeout());
        assertEquals("0 0 6 * * ?", config.cron());
        // %test turns it off so that no run disturbs other tests' statement counts.
        assertFalse(config.enabled());
    }
}
