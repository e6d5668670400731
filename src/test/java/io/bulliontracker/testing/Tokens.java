package io.bulliontracker.testing;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Bearer tokens for tests, signed with the test key the service is configured to trust (and some that it must refuse). */
public final class Tokens {

    private static final PrivateKey KEY = load("src/test/resources/jwt/privateKey.pem");

    /** The app's HS256 secret as the app-token test profile configures it: text, like the app's own. */
    public static final String APP_SECRET = "app-secret-for-tests: 9f3c1e7a5b2d4f6081a3c5e7f9b1d3e5";

    /** The one user id the app-token test profile allows to write the catalog. */
    public static final String APP_ADMIN = "app-admin-1";

    /** The bytes of the RS256 public key file, which an attacker knows and may try as an HMAC secret. */
    private static final byte[] PUBLIC_KEY_PEM = read("src/test/resources/jwt/publicKey.pem");

    private static final String HS256_HEADER = "{\"alg\":\"HS256\",\"typ\":\"JWT\"}";

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

    // ---- The app's own tokens: made the way the app makes them (header {"alg":"HS256","typ":"JWT"}, payload
    // {"userId", "iat", "exp"}, HMAC-SHA256 over the secret text's UTF-8 bytes), not by the RS256 builder.

    /** A valid app token for {@code userId}, one hour long. */
    public static String app(String userId) {
        return appSigned(appClaims(userId, 3600));
    }

    /** An app token with the given payload (JSON object members, without braces), correctly signed. */
    private static String appSigned(String payloadMembers) {
        return "Bearer " + hmac(HS256_HEADER, "{" + payloadMembers + "}", APP_SECRET.getBytes(StandardCharsets.UTF_8));
    }

    /** An app token that also claims the admin group, which app-token mode does not trust. */
    public static String appClaimingAdminGroup(String userId) {
        return appSigned(appClaims(userId, 3600) + ",\"groups\":[\"user\",\"admin\"]");
    }

    /** An app token whose {@code sub} names one user and {@code userId} another. */
    public static String appWithSub(String sub, String userId) {
        return appSigned("\"sub\":\"" + sub + "\"," + appClaims(userId, 3600));
    }

    public static String appExpired(String userId) {
        long now = Instant.now().getEpochSecond();
        return appSigned("\"userId\":\"" + userId + "\",\"iat\":" + (now - 7200) + ",\"exp\":" + (now - 3600));
    }

    public static String appNotYetValid(String userId) {
        return appSigned(appClaims(userId, 3600) + ",\"nbf\":" + (Instant.now().getEpochSecond() + 3600));
    }

    /** An app token with the {@code userId} claim left out (it names the user only in {@code sub}). */
    public static String appWithoutUserId(String sub) {
        long now = Instant.now().getEpochSecond();
        return appSigned("\"sub\":\"" + sub + "\",\"iat\":" + now + ",\"exp\":" + (now + 3600));
    }

    /** An app token whose {@code userId} is a number, not the string the app's ids are. */
    public static String appNumericUserId() {
        long now = Instant.now().getEpochSecond();
        return appSigned("\"userId\":42,\"iat\":" + now + ",\"exp\":" + (now + 3600));
    }

    /** An app token without {@code exp}: the service only takes tokens that end. */
    public static String appWithoutExpiry(String userId) {
        return appSigned("\"userId\":\"" + userId + "\",\"iat\":" + Instant.now().getEpochSecond());
    }

    /** A valid app token whose payload was edited after signing to name {@code victim}. */
    public static String appTampered(String userId, String victim) {
        String[] parts = app(userId).substring("Bearer ".length()).split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"userId\":\"" + userId + "\"", "\"userId\":\"" + victim + "\"");
        return "Bearer " + parts[0] + "." + b64(payload) + "." + parts[2];
    }

    public static String appWrongSecret(String userId) {
        return "Bearer " + hmac(HS256_HEADER, "{" + appClaims(userId, 3600) + "}",
                "not-the-apps-secret: 0000000000000000000000000000".getBytes(StandardCharsets.UTF_8));
    }

    /** An app token without {@code iat}. */
    public static String appWithoutIssuedAt(String userId) {
        return appSigned("\"userId\":\"" + userId + "\",\"exp\":" + (Instant.now().getEpochSecond() + 3600));
    }

    /** An app token signed with the app's secret, but HS512: only HS256 is the app's algorithm. */
    public static String appHs512(String userId) {
        return "Bearer " + hmac("{\"alg\":\"HS512\",\"typ\":\"JWT\"}", "{" + appClaims(userId, 3600) + "}",
                APP_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA512");
    }

    /** An app-shaped token with {@code alg: none} and no signature. */
    public static String appUnsigned(String userId) {
        return "Bearer " + b64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + b64("{" + appClaims(userId, 3600) + "}") + ".";
    }

    /** A token that RS256 mode would accept in every claim, also carrying {@code userId}: still RS256. */
    public static String rs256WithUserId(String userId) {
        return "Bearer " + claims(userId, Set.of("user", "admin")).claim("userId", userId).sign(KEY);
    }

    /**
     * Algorithm confusion: HS256 signed with the RS256 public key file's bytes as the secret, carrying every claim
     * either mode looks for (iss, sub, userId, admin group).
     */
    public static String hs256SignedWithPublicKey(String userId) {
        return "Bearer " + hmac(HS256_HEADER, confusionPayload(userId), PUBLIC_KEY_PEM);
    }

    /** The reverse confusion: a header saying RS256 over an HMAC-SHA256 signature made with the app's secret. */
    public static String rs256HeaderOverAppHmac(String userId) {
        return "Bearer " + hmac("{\"alg\":\"RS256\",\"typ\":\"JWT\"}", confusionPayload(userId),
                APP_SECRET.getBytes(StandardCharsets.UTF_8));
    }

    private static String appClaims(String userId, long lifetimeSeconds) {
        long now = Instant.now().getEpochSecond();
        return "\"userId\":\"" + userId + "\",\"iat\":" + now + ",\"exp\":" + (now + lifetimeSeconds);
    }

    private static String confusionPayload(String userId) {
        long now = Instant.now().getEpochSecond();
        return "{\"iss\":\"" + TestDatabaseResource.ISSUER + "\",\"sub\":\"" + userId + "\",\"userId\":\"" + userId
                + "\",\"groups\":[\"user\",\"admin\"],\"iat\":" + now + ",\"exp\":" + (now + 3600) + "}";
    }

    private static String hmac(String header, String payload, byte[] key) {
        return hmac(header, payload, key, "HmacSHA256");
    }

    private static String hmac(String header, String payload, byte[] key, String algorithm) {
        String signingInput = b64(header) + "." + b64(payload);
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key, algorithm));
            return signingInput + "." + Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] read(String path) {
        try {
            return Files.readAllBytes(Path.of(path));
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read " + path, e);
        }
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
