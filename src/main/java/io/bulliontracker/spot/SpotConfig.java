package io.bulliontracker.spot;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** The spot-price provider and its scheduled fetch ({@code BULLION_SPOT_*} in the environment). */
@ConfigMapping(prefix = "bullion.spot")
public interface SpotConfig {

    /** The provider's API key. Without one the scheduled fetch is off; imports still work. */
    Optional<String> apiKey();

    /** Base URL of a metalpriceapi-compatible provider; {@code /latest} is appended. */
    @WithDefault("https://api.metalpriceapi.com/v1")
    String baseUrl();

    /**
     * How often the fetch runs, as {@code @Scheduled(every)} reads it ({@code 1h}, {@code 15m}; {@code off}
     * disables it). The scheduler reads this property by name, so it must stay {@code bullion.spot.fetch-every}.
     */
    @WithDefault("1h")
    String fetchEvery();

    /** A metal with a row observed within this window is not fetched again. */
    @WithDefault("30m")
    Duration freshFor();
}
