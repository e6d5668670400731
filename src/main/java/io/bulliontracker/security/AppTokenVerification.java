package io.bulliontracker.security;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Turns {@code bullion.auth.app-tokens.enabled=true} into smallrye-jwt's own verification settings for the app's
 * tokens; smallrye-jwt still does all the verifying. Two things no setting can do are why this is code:
 * <ul>
 * <li>smallrye-jwt reads an HMAC secret only as a JWK, while the app holds its secret as plain text: this wraps
 * the text's UTF-8 bytes into an {@code oct} JWK, so operators set the very value the app uses;</li>
 * <li>one switch must win over whatever RS256 settings the deployment still carries (a public key, an issuer in
 * {@code MP_JWT_VERIFY_*}): a public key would take precedence over the secret, an issuer would refuse every app
 * token. The source therefore sits above environment variables and system properties.</li>
 * </ul>
 * Registered in {@code META-INF/services/io.smallrye.config.ConfigSourceFactory}.
 */
public class AppTokenVerification implements ConfigSourceFactory {

    /** Above system properties (400) and environment variables (300). */
    static final int ORDINAL = 500;

    /** smallrye-jwt's value for "not configured". */
    private static final String NONE = "NONE";

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        if (!enabled(context.getValue(AppTokenConfig.PREFIX + ".enabled"))) {
            return List.of();
        }
        String secret = context.getValue(AppTokenConfig.PREFIX + ".secret").getValue();
        if (secret == null || secret.isEmpty()) {
            throw new IllegalArgumentException("BULLION_AUTH_APP_TOKENS_ENABLED is true but BULLION_AUTH_APP_TOKENS_SECRET "
                    + "(" + AppTokenConfig.PREFIX + ".secret) is not set: it must hold the app's token secret");
        }
        Map<String, String> settings = Map.of(
                // Only HS256: RS256, alg none and every other algorithm are refused before any key is tried.
                "smallrye.jwt.verify.algorithm", "HS256",
                "smallrye.jwt.verify.secretkey", secretAsJwk(secret),
                // Neither RS256 key may be used as the HMAC secret, nor take the secret's place.
                "mp.jwt.verify.publickey", NONE,
                "mp.jwt.verify.publickey.location", NONE,
                // The app's tokens carry no iss.
                "mp.jwt.verify.issuer", NONE,
                // The user id is userId: it names the principal, and a token without it is refused.
                "smallrye.jwt.path.sub", AppTokenConfig.USER_ID_CLAIM,
                "smallrye.jwt.required.claims", AppTokenConfig.USER_ID_CLAIM);
        return List.of(new PropertiesConfigSource(settings, "app-token verification (" + AppTokenConfig.PREFIX + ")",
                ORDINAL));
    }

    /**
     * Only "true" or "false", so that this and {@link AppTokenConfig#enabled()} can never read one value two ways.
     */
    static boolean enabled(ConfigValue value) {
        String text = value == null || value.getValue() == null ? "false" : value.getValue().trim().toLowerCase(Locale.ROOT);
        return switch (text) {
            case "true" -> true;
            case "false", "" -> false;
            default -> throw new IllegalArgumentException(
                    AppTokenConfig.PREFIX + ".enabled (BULLION_AUTH_APP_TOKENS_ENABLED) must be true or false");
        };
    }

    /** A JSON Web Key of type {@code oct} whose key bytes are the secret text's UTF-8 bytes, as the app signs with. */
    static String secretAsJwk(String secret) {
        String k = Base64.getUrlEncoder().withoutPadding().encodeToString(secret.getBytes(StandardCharsets.UTF_8));
        return "{\"kty\":\"oct\",\"k\":\"" + k + "\"}";
    }
}
