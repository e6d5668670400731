package io.bulliontracker.security;

import io.bulliontracker.common.ApiException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonString;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The caller, as the verified token names it: everything a user reads or writes is keyed by this id. */
@RequestScoped
public class CurrentUser {

    private final JsonWebToken token;
    private final boolean appTokens;

    public CurrentUser(JsonWebToken token, AppTokenConfig appTokenConfig) {
        this.token = token;
        this.appTokens = appTokenConfig.enabled();
    }

    public String id() {
        String id = appTokens ? appUserId(token) : token.getSubject();
        if (id == null || id.isBlank()) {
            throw new ApiException(401, "Authentication required: the token names no user", null);
        }
        return id;
    }

    /**
     * The app's user id: the {@code userId} claim itself. smallrye-jwt copies it to {@code sub} only when the token
     * has no {@code sub}; reading it here keeps a token that also carries a {@code sub} from being anyone else.
     */
    static String appUserId(JsonWebToken token) {
        Object value = token.getClaim(AppTokenConfig.USER_ID_CLAIM);
        if (value instanceof JsonString json) {
            return json.getString();
        }
        return value instanceof String text ? text : null;
    }
}
