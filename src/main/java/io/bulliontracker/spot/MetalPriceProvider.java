package io.bulliontracker.spot;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.smallrye.faulttolerance.api.CircuitBreakerName;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.net.URI;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;

/**
 * Calls the spot-price provider, bounded: each attempt times out, failed attempts are retried with
 * exponential back-off, and a run of failures opens a circuit breaker so a provider that is down is not
 * hammered. The values below are the defaults; each can be overridden with the standard properties,
 * e.g. {@code quarkus.fault-tolerance."io.bulliontracker.spot.MetalPriceProvider/latestRates".timeout.value}.
 */
@ApplicationScoped
public class MetalPriceProvider {

    static final String BREAKER = "spot-provider";

    private final SpotConfig config;
    private volatile MetalPriceApi api;

    public MetalPriceProvider(SpotConfig config) {
        this.config = config;
    }

    /**
     * The provider's rate (units of metal per US dollar) for each metal asked, as it sent it: null when the
     * rate is missing or not a number. Fails when the provider fails, times out, or answers without success.
     */
    @Timeout(value = 5, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 1, delayUnit = ChronoUnit.SECONDS, jitter = 200, jitterDelayUnit = ChronoUnit.MILLIS)
    @ExponentialBackoff(factor = 2, maxDelay = 30, maxDelayUnit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.5, delay = 5, delayUnit = ChronoUnit.MINUTES)
    @CircuitBreakerName(BREAKER)
    public Uni<Map<SpotMetal, BigDecimal>> latestRates(Collection<SpotMetal> metals) {
        String apiKey = config.apiKey().orElseThrow(() -> new ProviderFailure("no provider key configured"));
        String currencies = metals.stream().map(SpotMetal::providerCode).collect(Collectors.joining(","));
        return client().latest(apiKey, "USD", currencies).map(answer -> rates(answer, metals));
    }

    private static Map<SpotMetal, BigDecimal> rates(JsonNode answer, Collection<SpotMetal> metals) {
        if (answer == null || !answer.path("success").asBoolean(false)) {
            throw new ProviderFailure("provider answered without success");
        }
        JsonNode rates = answer.path("rates");
        if (!rates.isObject()) {
            throw new ProviderFailure("provider answered without rates");
        }
        Map<SpotMetal, BigDecimal> found = new EnumMap<>(SpotMetal.class);
        for (SpotMetal metal : metals) {
            JsonNode rate = rates.path(metal.providerCode());
            found.put(metal, rate.isNumber() ? rate.decimalValue() : null);
        }
        return found;
    }

    private MetalPriceApi client() {
        MetalPriceApi client = api;
        if (client == null) {
            client = QuarkusRestClientBuilder.newBuilder().baseUri(URI.create(config.baseUrl())).build(MetalPriceApi.class);
            api = client;
        }
        return client;
    }
}
