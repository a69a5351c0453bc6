package io.agrisense.protocol;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The stations' DTLS pre-shared keys as the platform and the gateway read them from configuration: a secret is UTF-8
 * text, or hex digits after {@code hex:}, of at least {@value #MIN_BYTES} bytes; a keys file has one
 * {@code <station id>=<secret>} per line, blank lines and {@code #} comments aside. Errors say what is wrong.
 */
public final class PreSharedKeys {

    public static final int MIN_BYTES = 8;

    private PreSharedKeys() {
    }

    /** The key bytes of {@code station}'s {@code secret}; an {@link IllegalArgumentException} saying why not. */
    public static byte[] secret(String station, String secret) {
        if (!StationId.isValid(station)) {
            throw new IllegalArgumentException("'" + station + "' is not a station id (1-64 characters of A-Z a-z 0-9 _ -)");
        }
        byte[] key;
        if (secret.startsWith("hex:")) {
            String hex = secret.substring(4);
            if (!hex.matches("([0-9a-fA-F]{2})+")) {
                throw new IllegalArgumentException("the key after 'hex:' must be an even number of hex digits");
            }
            key = HexFormat.of().parseHex(hex);
        } else {
            key = secret.getBytes(StandardCharsets.UTF_8);
        }
        if (key.length < MIN_BYTES) {
            throw new IllegalArgumentException("a pre-shared key needs at least " + MIN_BYTES + " bytes, this one has " + key.length);
        }
        return key;
    }

    /**
     * Adds the keys of a keys file's {@code lines} to {@code keys}; a station may have only one key (also against the
     * keys already there). An {@link IllegalArgumentException} reads {@code "<source> line <n>: <what is wrong>"}.
     */
    public static void addLines(String source, List<String> lines, Map<String, byte[]> keys) {
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String where = source + " line " + (i + 1) + ": ";
            int eq = line.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException(where + "expected <station id>=<secret>");
            }
            String station = line.substring(0, eq).trim();
            byte[] key;
            try {
                key = secret(station, line.substring(eq + 1).trim());
            } catch (IllegalArgumentException bad) {
                throw new IllegalArgumentException(where + bad.getMessage(), bad);
            }
            if (keys.put(station, key) != null) {
                throw new IllegalArgumentException(where + "station " + station + " has a key already");
            }
        }
    }
}
