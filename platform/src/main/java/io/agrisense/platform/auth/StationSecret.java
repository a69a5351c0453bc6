package io.agrisense.platform.auth;

import io.agrisense.protocol.StationId;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * A station's secret, {@code <station id>.<43 characters of base64url>} (32 random bytes): its MQTT password (the
 * username is the station id) and its HTTP bearer token. It names its station, so a secret presented for another
 * station is recognised as that one's (403), not merely as wrong (401). Shown once; stored only as a {@link SecretHash}.
 */
public record StationSecret(String stationId, String value) {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int RANDOM_BYTES = 32;
    private static final int RANDOM_CHARS = 43;

    @Override
    public String toString() {
        return "StationSecret[" + stationId + ", ****]"; // never in a log line by accident
    }

    public static StationSecret generate(StationId station) {
        byte[] random = new byte[RANDOM_BYTES];
        RANDOM.nextBytes(random);
        return new StationSecret(station.value(),
                station.value() + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(random));
    }

    /** The station a presented secret claims to belong to, when it has the shape of one. */
    public static Optional<String> claimedStation(String presented) {
        if (presented == null) {
            return Optional.empty();
        }
        int dot = presented.lastIndexOf('.');
        if (dot <= 0 || presented.length() - dot - 1 != RANDOM_CHARS) {
            return Optional.empty();
        }
        String id = presented.substring(0, dot);
        if (!StationId.isValid(id)) {
            return Optional.empty();
        }
        for (int i = dot + 1; i < presented.length(); i++) {
            char c = presented.charAt(i);
            if (!(Character.isLetterOrDigit(c) && c < 128 || c == '-' || c == '_')) {
                return Optional.empty();
            }
        }
        return Optional.of(id);
    }
}
