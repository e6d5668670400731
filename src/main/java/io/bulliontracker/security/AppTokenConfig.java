package io.bulliontracker.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;
import java.util.Set;

/**
 * The switch to the app's own tokens (HS256, {@code userId}, no {@code iss}) and what that mode needs besides
 * smallrye-jwt's settings. {@link AppTokenVerification} turns the switch into those settings.
 */
@ConfigMapping(prefix = AppTokenConfig.PREFIX)
public interface AppTokenConfig {

    String PREFIX = "bullion.auth.app-tokens";

    /** The claim the app puts its user id in. */
    String USER_ID_CLAIM = "userId";

    /** Off: RS256 tokens as the contract describes. On: only the app's HS256 tokens. */
    @WithDefault("false")
    boolean enabled();

    /** The app's signing secret as text, exactly as the app holds it (read by {@link AppTokenVerification}). */
    Optional<String> secret();

    /**
     * User ids ({@code userId}) allowed to write the catalog. The app's tokens carry no role we could trust for
     * that, so the deployment names its admins; empty means nobody may write the catalog in this mode.
     */
    Optional<Set<String>> adminUserIds();
}
