package io.bulliontracker.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigValue;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.Test;

/** The switch's translation into smallrye-jwt settings, without starting the service. */
class AppTokenVerificationTests {

    private static ConfigSourceContext context(Map<String, String> values) {
        return new ConfigSourceContext() {
            @Override
            public ConfigValue getValue(String name) {
                return ConfigValue.builder().withName(name).withValue(values.get(name)).build();
            }

            @Override
            public Iterator<String> iterateNames() {
                return values.keySet().iterator();
            }
        };
    }

    private static List<ConfigSource> sources(Map<String, String> values) {
        return StreamSupport.stream(new AppTokenVerification().getConfigSources(context(values)).spliterator(), false)
                .toList();
    }

    @Test
    void offByDefaultAddsNoSetting() {
        assertTrue(sources(Map.of()).isEmpty());
        assertTrue(sources(Map.of("bullion.auth.app-tokens.enabled", "false", "bullion.auth.app-tokens.secret", "s"))
                .isEmpty());
    }

    @Test
    void onSetsSmallryeJwtForTheAppsTokensAboveEnvironmentVariables() {
        ConfigSource source = sources(Map.of("bullion.auth.app-tokens.enabled", "TRUE",
                "bullion.auth.app-tokens.secret", "s3cret!")).get(0);
        assertEquals("HS256", source.getValue("smallrye.jwt.verify.algorithm"));
        // base64url of the UTF-8 bytes of "s3cret!" (73 33 63 72 65 74 21), unpadded.
        assertEquals("{\"kty\":\"oct\",\"k\":\"czNjcmV0IQ\"}", source.getValue("smallrye.jwt.verify.secretkey"));
        assertEquals("NONE", source.getValue("mp.jwt.verify.publickey"));
        assertEquals("NONE", source.getValue("mp.jwt.verify.publickey.location"));
        assertEquals("NONE", source.getValue("mp.jwt.verify.issuer"));
        assertEquals("userId", source.getValue("smallrye.jwt.path.sub"));
        assertEquals("userId", source.getValue("smallrye.jwt.required.claims"));
        assertTrue(source.getOrdinal() > 400, "must win over environment variables (300) and system properties (400)");
    }

    @Test
    void onWithoutASecretStopsTheStartNamingTheVariable() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> sources(Map.of("bullion.auth.app-tokens.enabled", "true")));
        assertTrue(e.getMessage().contains("BULLION_AUTH_APP_TOKENS_SECRET"));
    }

    @Test
    void aSwitchThatIsNeitherTrueNorFalseStopsTheStart() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> sources(Map.of("bullion.auth.app-tokens.enabled", "yes", "bullion.auth.app-tokens.secret", "s")));
        assertTrue(e.getMessage().contains("BULLION_AUTH_APP_TOKENS_ENABLED"));
    }
}
