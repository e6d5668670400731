package io.bulliontracker.security;

import io.bulliontracker.common.Envelope;
import io.quarkus.arc.profile.IfBuildProfile;
import io.smallrye.jwt.build.Jwt;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Dev mode only: hands out signed tokens for the demo user and the demo admin, so the routes can be
 * tried with curl at once. The class is dropped from any other build, and with it the route.
 */
@IfBuildProfile("dev")
@Path("/dev/token")
@Produces(MediaType.APPLICATION_JSON)
public class DevTokenResource {

    public static final String DEMO_USER = "demo-user";
    public static final String DEMO_ADMIN = "demo-admin";

    @ConfigProperty(name = "mp.jwt.verify.issuer")
    String issuer;

    @GET
    public Envelope<Map<String, String>> token(@QueryParam("role") String role) {
        boolean admin = "admin".equals(role);
        String user = admin ? DEMO_ADMIN : DEMO_USER;
        String token = Jwt.issuer(issuer).subject(user).upn(user)
                .groups(admin ? Set.of("user", "admin") : Set.of("user"))
                .expiresIn(Duration.ofHours(12)).sign();
        return Envelope.of(Map.of("user", user, "token", token));
    }
}
