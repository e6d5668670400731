package io.bulliontracker.refresh;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;

/** The daily guide-price refresh; every property maps to a {@code BULLION_REFRESH_...} variable. */
@ConfigMapping(prefix = "bullion.refresh")
public interface RefreshConfig {

    /**
     * When the scheduled run starts: a Quartz-style cron (seconds first) read in UTC, so the default is
     * 06:00 UTC every day. {@code off} removes the trigger altogether.
     */
    @WithDefault("0 0 6 * * ?")
    String cron();

    /** False keeps the trigger but skips every scheduled run; the admin route still works. */
    @WithDefault("true")
    boolean enabled();

    /**
     * Items per batch; each batch is its own transaction of four statements. The upper bound keeps a
     * batch's locks and arrays well inside one statement time-out.
     */
    @WithDefault("5000")
    @Min(1)
    @Max(50_000)
    int batchSize();

    /**
     * How long {@code POST /api/admin/refresh-prices} waits for the run it started. A run that takes
     * longer goes on to the end; the request is then answered 202 with the progress so far.
     */
    @WithDefault("5m")
    Duration requestTimeout();
}
