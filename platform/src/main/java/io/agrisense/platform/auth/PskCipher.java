package io.agrisense.platform.auth;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keeps stations' DTLS pre-shared keys encrypted at rest: AES-256-GCM (NIST SP 800-38D) with a random 96-bit nonce per
 * value and the station id as associated data, so a ciphertext copied to another station's row does not decrypt.
 * Stored as nonce || ciphertext || tag. The key (32 bytes) comes from the configuration, never from the database.
 */
public final class PskCipher {

    private static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    public PskCipher(byte[] key) {
        if (key == null || key.length != KEY_BYTES) {
            throw new IllegalArgumentException("the secret key must be " + KEY_BYTES + " bytes (base64 of 32 random bytes), got "
                    + (key == null ? 0 : key.length));
        }
        this.key = new SecretKeySpec(Arrays.copyOf(key, KEY_BYTES), "AES");
    }

    /** From base64 text (e.g. {@code AGRI_SECRET_KEY} or a key file's content). */
    public static PskCipher fromBase64(String text) {
        try {
            return new PskCipher(Base64.getDecoder().decode(text.strip()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the secret key is not valid base64 of 32 bytes: " + e.getMessage(), e);
        }
    }

    /** 32 fresh random bytes as base64, for a new deployment's key. */
    public static String newKeyBase64() {
        byte[] k = new byte[KEY_BYTES];
        RANDOM.nextBytes(k);
        return Base64.getEncoder().encodeToString(k);
    }

    public byte[] encrypt(String stationId, byte[] psk) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher c = cipher(Cipher.ENCRYPT_MODE, nonce, stationId);
            byte[] sealed = c.doFinal(psk);
            return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM failed: " + e.getMessage(), e);
        }
    }

    /** The key, or an {@link IllegalStateException} when the value was not sealed with this key for this station. */
    public byte[] decrypt(String stationId, byte[] stored) {
        if (stored == null || stored.length <= NONCE_BYTES) {
            throw new IllegalStateException("the stored key of station " + stationId + " is truncated");
        }
        try {
            Cipher c = cipher(Cipher.DECRYPT_MODE, Arrays.copyOf(stored, NONCE_BYTES), stationId);
            return c.doFinal(stored, NONCE_BYTES, stored.length - NONCE_BYTES);
        } catch (AEADBadTagException e) {
            throw new IllegalStateException("the stored key of station " + stationId
                    + " does not decrypt with the configured secret key (was the key changed?)", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM failed: " + e.getMessage(), e);
        }
    }

    private Cipher cipher(int mode, byte[] nonce, String stationId) throws GeneralSecurityException {
        Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
        c.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        c.updateAAD(stationId.getBytes(StandardCharsets.UTF_8));
        return c;
    }
}
