package io.bulliontracker.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * RS256 bearer tokens signed with the key pair run.sh generated (the service trusts its public half).
 * Plain JDK: a JWT is two base64url JSON parts and a SHA256withRSA signature over them.
 */
final class Tokens {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final PrivateKey key;
    private final String issuer;
    private final Map<String, String> cache = new HashMap<>();

    Tokens(Path pkcs8Pem, String issuer) {
        this.issuer = issuer;
        try {
            String pem = Files.readString(pkcs8Pem).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            this.key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the signing key " + pkcs8Pem, e);
        }
    }

    /** "Bearer ..." for a user, valid for two hours (a whole run takes well under that). */
    synchronized String bearer(String userId) {
        return cache.computeIfAbsent(userId, this::sign);
    }

    /** "Bearer ..." for the bench's administrator (groups: admin), which the refresh route requires. */
    synchronized String adminBearer() {
        return cache.computeIfAbsent("\0admin", k -> sign("bench-admin", "admin"));
    }

    private String sign(String userId) {
        return sign(userId, "user");
    }

    private String sign(String userId, String group) {
        long now = Instant.now().getEpochSecond();
        String header = B64.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String claims = "{\"iss\":\"" + issuer + "\",\"sub\":\"" + userId + "\",\"upn\":\"" + userId
                + "\",\"groups\":[\"" + group + "\"],\"iat\":" + now + ",\"exp\":" + (now + 7200) + "}";
        String payload = B64.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(key);
            rsa.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
            return "Bearer " + header + "." + payload + "." + B64.encodeToString(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
