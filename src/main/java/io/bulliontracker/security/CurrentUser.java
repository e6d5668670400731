package io.bulliontracker.security;

import io.bulliontracker.common.ApiException;
import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The caller, as the verified token names it: everything a user reads or writes is keyed by this id. */
@RequestScoped
public class CurrentUser {

    private final JsonWebToken token;

    public CurrentUser(JsonWebToken token) {
        this.token = token;
    }

    public String id() {
        String subject = token.getSubject();
        if (subject == null || subject.isBlank()) {
            throw new ApiException(401, "Authentication required: the token names no user", null);
        }
        return subject;
    }
}
