package io.bulliontracker.testing;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;

/** Bearer tokens for tests, signed with the test key the service is configured to trust (and some that it must refuse). */
public final class Tokens {

    private static final PrivateKey KEY = load("src/test/resources/jwt/privateKey.pem");

    private Tokens() {
    }

    public static String user(String userId) {
        return "Bearer " + claims(userId, Set.of("user")).sign(KEY);
    }

    public static String admin(String userId) {
        return "Bearer " + claims(userId, Set.of("user", "admin")).sign(KEY);
    }

    public static String expired(String userId) {
        return "Bearer " + claims(userId, Set.of("user")).issuedAt(Instant.now().minusSeconds(7200))
                .expiresAt(Instant.now().minusSeconds(3600)).sign(KEY);
    }

    public static String notYetValid(String userId) {
        return "Bearer " + claims(userId, Set.of("user")).claim("nbf", Instant.now().plusSeconds(3600).getEpochSecond())
                .sign(KEY);
    }

    public static String wrongIssuer(String userId) {
        return "Bearer " + Jwt.issuer("https://someone-else.example").subject(userId).groups(Set.of("user"))
                .expiresIn(3600).sign(KEY);
    }

    public static String foreignKey(String userId) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return "Bearer " + claims(userId, Set.of("user", "admin")).sign(generator.generateKeyPair().getPrivate());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A valid token whose payload was edited after signing (made admin). */
    public static String tampered(String userId) {
        String[] parts = user(userId).substring("Bearer ".length()).split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]))
                .replace("\"groups\":[\"user\"]", "\"groups\":[\"user\",\"admin\"]");
        return "Bearer " + parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes())
                + "." + parts[2];
    }

    /** An unsigned token ({@code alg: none}) that otherwise claims to be valid. */
    public static String unsigned(String userId) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = b64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes());
        long now = Instant.now().getEpochSecond();
        String payload = b64.encodeToString(("{\"iss\":\"" + TestDatabaseResource.ISSUER + "\",\"sub\":\"" + userId
                + "\",\"groups\":[\"user\",\"admin\"],\"iat\":" + now + ",\"exp\":" + (now + 3600) + "}").getBytes());
        return "Bearer " + header + "." + payload + ".";
    }

    private static JwtClaimsBuilder claims(String userId, Set<String> groups) {
        return Jwt.issuer(TestDatabaseResource.ISSUER).subject(userId).upn(userId).groups(groups).expiresIn(3600);
    }

    private static PrivateKey load(String path) {
        try {
            String pem = Files.readString(Path.of(path)).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read the test signing key " + path, e);
        }
    }
}
