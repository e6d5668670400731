package io.bulliontracker.refresh;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * Batches of 2, so that a handful of items makes several batches; a 3 s wait for the admin route, so
 * that a slowed run answers 202. The schedule fires every second but is disabled: no run may start
 * except through the route (and the tests prove the switch holds).
 */
public class RefreshTestProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "bullion.refresh.batch-size", "2",
                "bullion.refresh.request-timeout", "3s",
                "bullion.refresh.cron", "* * * * * ?",
                "bullion.refresh.enabled", "false");
    }
}
