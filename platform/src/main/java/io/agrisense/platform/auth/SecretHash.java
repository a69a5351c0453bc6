package io.agrisense.platform.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Slow hashes of station secrets: PBKDF2-HMAC-SHA512 (RFC 8018 §5.2, the JDK's implementation) written in Mosquitto's
 * password-file format {@code $7$<iterations>$<base64 salt>$<base64 hash>} (12-byte salt, 64-byte hash), so the same
 * stored value serves the platform's checks and a Mosquitto password file. {@value #ITERATIONS} iterations follow
 * OWASP's Password Storage Cheat Sheet (2023) for PBKDF2-HMAC-SHA512; Mosquitto 2.0 reads the count from the line.
 */
public final class SecretHash {

    public static final int ITERATIONS = 210_000;
    private static final int SALT_BYTES = 12;
    private static final int HASH_BYTES = 64;
    private static final SecureRandom RANDOM = new SecureRandom();

    private SecretHash() {
    }

    public static String hash(String secret) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        return format(ITERATIONS, salt, pbkdf2(secret, salt, ITERATIONS, HASH_BYTES));
    }

    /** Whether {@code secret} matches {@code stored}; false (never an exception) for a malformed stored value. */
    public static boolean matches(String secret, String stored) {
        if (secret == null || stored == null) {
            return false;
        }
        String[] parts = stored.split("\\$", -1);
        if (parts.length != 5 || !parts[0].isEmpty() || !"7".equals(parts[1])) {
            return false;
        }
        try {
            int iterations = Integer.parseInt(parts[2]);
            if (iterations < 1 || iterations > 10_000_000) {
                return false;
            }
            byte[] salt = Base64.getDecoder().decode(parts[3]);
            byte[] expected = Base64.getDecoder().decode(parts[4]);
            if (expected.length == 0) {
                return false;
            }
            return MessageDigest.isEqual(expected, pbkdf2(secret, salt, iterations, expected.length));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    static String format(int iterations, byte[] salt, byte[] hash) {
        Base64.Encoder b64 = Base64.getEncoder();
        return "$7$" + iterations + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(hash);
    }

    static byte[] pbkdf2(String secret, byte[] salt, int iterations, int bytes) {
        // PBEKeySpec takes chars and the JDK feeds them to HMAC as UTF-8, as Mosquitto does with the password bytes.
        PBEKeySpec spec = new PBEKeySpec(secret.toCharArray(), salt, iterations, bytes * 8);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA512").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA512 is missing from this JVM", e);
        } finally {
            spec.clearPassword();
        }
    }

    /** SHA-256 of a presented credential: the cache key of verified secrets and the stored form of API tokens. */
    public static byte[] sha256(String presented) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(presented.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
