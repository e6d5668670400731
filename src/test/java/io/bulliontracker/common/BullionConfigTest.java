package io.bulliontracker.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.ConfigValidationException;
import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.validator.BeanValidationConfigValidator;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.time.Duration;
import java.util.Map;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;

/** The mapping alone, built as Quarkus builds it: its Duration converter, Bean Validation of the values. */
class BullionConfigTest {

    private static final Validator VALIDATOR = Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator();

    private static BullionConfig load(Map<String, String> properties, Map<String, String> environment) {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withMapping(BullionConfig.class)
                // Quarkus' own converter, which reads "1500ms" and "2s" besides ISO-8601 "PT2S".
                .withConverter(Duration.class, 200, new DurationConverter())
                .withSources(new PropertiesConfigSource(properties, "test", 300), new EnvConfigSource(environment, 400))
                .withValidator((BeanValidationConfigValidator) () -> VALIDATOR)
                .build();
        return config.getConfigMapping(BullionConfig.class);
    }

    /** The README's configuration table promises these. */
    @Test
    void defaultsAreTheDocumentedOnes() {
        BullionConfig config = load(Map.of(), Map.of());

        assertEquals(Duration.ofSeconds(2), config.db().connectTimeout());
        assertEquals(Duration.ofSeconds(3), config.db().acquireTimeout());
        assertEquals(Duration.ofSeconds(10), config.db().statementTimeout());
        assertEquals(Duration.ofSeconds(3), config.db().requestTimeout());
        assertEquals(Duration.ofSeconds(60), config.db().importTimeout());
        assertEquals(Duration.ofSeconds(2), config.db().migrationRetry());
        assertEquals(500, config.db().maxWaitQueue());
        assertEquals(Duration.ofMillis(1500), config.health().dbTimeout());
    }

    @Test
    void environmentVariablesOverrideProperties() {
        BullionConfig config = load(Map.of("bullion.db.request-timeout", "5s", "bullion.health.db-timeout", "1s"),
                Map.of("BULLION_DB_REQUEST_TIMEOUT", "750ms", "BULLION_DB_MAX_WAIT_QUEUE", "64",
                        "BULLION_DB_IMPORT_TIMEOUT", "2m"));

        assertEquals(Duration.ofMillis(750), config.db().requestTimeout());
        assertEquals(Duration.ofMinutes(2), config.db().importTimeout());
        assertEquals(64, config.db().maxWaitQueue());
        assertEquals(Duration.ofSeconds(1), config.health().dbTimeout());
    }

    @Test
    void aLimitThatCouldNeverBeMetStopsStartUpNamingTheProperty() {
        ConfigValidationException refused = assertThrows(ConfigValidationException.class,
                () -> load(Map.of("bullion.db.request-timeout", "0s", "bullion.db.max-wait-queue", "0"), Map.of()));

        String problems = refused.getMessage();
        assertTrue(problems.contains("bullion.db.request-timeout"), problems);
        assertTrue(problems.contains("bullion.db.max-wait-queue"), problems);
    }

    @Test
    void aValueThatIsNotADurationStopsStartUpNamingTheProperty() {
        Exception refused = assertThrows(RuntimeException.class,
                () -> load(Map.of("bullion.health.db-timeout", "soon"), Map.of()));

        assertTrue(String.valueOf(refused.getMessage()).contains("bullion.health.db-timeout"), refused::toString);
    }
}
