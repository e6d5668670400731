package io.bulliontracker.security;

import io.bulliontracker.testing.Tokens;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The app-token mode, switched on exactly as a deployment does it (the three BULLION_AUTH_APP_TOKENS_* settings).
 * The RS256 settings stay configured as a deployment's leftovers would: the issuer and key file of the default test
 * setup, and the public key as text (MP_JWT_VERIFY_PUBLICKEY), which smallrye-jwt would otherwise prefer to the
 * secret.
 */
public class AppTokenProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        try {
            return Map.of(
                    "bullion.auth.app-tokens.enabled", "true",
                    "bullion.auth.app-tokens.secret", Tokens.APP_SECRET,
                    "bullion.auth.app-tokens.admin-user-ids", Tokens.APP_ADMIN,
                    "mp.jwt.verify.publickey", Files.readString(Path.of("src/test/resources/jwt/publicKey.pem")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
