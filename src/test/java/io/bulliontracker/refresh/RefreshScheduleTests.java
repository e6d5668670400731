package io.bulliontracker.refresh;

import static io.bulliontracker.refresh.RefreshFixture.metric;
import static io.bulliontracker.refresh.RefreshFixture.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** The schedule, enabled and firing every second, refreshes all users' items with nobody asking. */
@QuarkusTest
@TestProfile(ScheduledRefreshProfile.class)
class RefreshScheduleTests {

    @Test
    void theScheduledRunSyncsEveryUsersItems() throws Exception {
        RefreshFixture.emptyDatabase();
        RefreshFixture.threeUsers();

        long deadline = System.currentTimeMillis() + 15_000;
        while (System.currentTimeMillis() < deadline && RefreshFixture.historyRows() < 6) {
            Thread.sleep(200);
        }

        assertEquals(6, RefreshFixture.historyRows());
        assertEquals(0, new BigDecimal("110.50").compareTo(value("refresh-01")));
        assertEquals(0, new BigDecimal("75.25").compareTo(value("refresh-03")));
        assertEquals(0, new BigDecimal("40.00").compareTo(value("refresh-05")));
        assertEquals(0, new BigDecimal("110.50").compareTo(value("refresh-06")));
        assertNull(value("refresh-07"));
        assertTrue(metric("bullion_refresh_runs_total", "trigger=\"schedule\"", "outcome=\"completed\"") >= 1);
        assertEquals(0, metric("bullion_refresh_runs_total", "trigger=\"schedule\"", "outcome=\"failed\""));
    }
}
