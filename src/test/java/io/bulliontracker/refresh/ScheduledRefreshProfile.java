package io.bulliontracker.refresh;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** The schedule enabled and firing every second, in batches of 2. */
public class ScheduledRefreshProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "bullion.refresh.batch-size", "2",
                "bullion.refresh.cron", "* * * * * ?",
                "bullion.refresh.enabled", "true");
    }
}
