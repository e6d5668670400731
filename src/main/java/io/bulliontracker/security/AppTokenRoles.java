package io.bulliontracker.security;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * In app-token mode, decides the caller's roles from the deployment's list of admin user ids instead of the
 * token's {@code groups}. The app signs every mobile user's token with the same secret and has no notion of our
 * {@code admin} group, so a {@code groups} claim in its tokens is not trusted; no smallrye-jwt or Quarkus setting
 * maps a user id to a role, hence this augmentor. In RS256 mode it changes nothing.
 */
@ApplicationScoped
public class AppTokenRoles implements SecurityIdentityAugmentor {

    static final String ADMIN = "admin";

    private final boolean enabled;
    private final Set<String> admins;

    public AppTokenRoles(AppTokenConfig config) {
        this.enabled = config.enabled();
        this.admins = config.adminUserIds().orElse(Set.of());
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (!enabled || identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return Uni.createFrom().item(identity);
        }
        // A fresh identity, so that no role read from the token survives.
        QuarkusSecurityIdentity.Builder appIdentity = QuarkusSecurityIdentity.builder()
                .setPrincipal(token)
                .addCredentials(identity.getCredentials())
                .addAttributes(identity.getAttributes());
        String userId = CurrentUser.appUserId(token);
        if (userId != null && admins.contains(userId)) {
            appIdentity.addRole(ADMIN);
        }
        return Uni.createFrom().item(appIdentity.build());
    }
}
