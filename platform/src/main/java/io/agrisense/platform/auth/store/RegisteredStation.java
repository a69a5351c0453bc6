package io.agrisense.platform.auth.store;

import java.time.Instant;

/** A row of the station registry, without its secret hash or key. */
public record RegisteredStation(String id, Kind kind, String viaGateway, String profile, String name, Double latitude,
                                Double longitude, Double elevation, String owner, boolean enabled, boolean hasPsk,
                                Instant createdAt, Instant updatedAt, Instant secretRotatedAt) {

    /** A station sends its own readings; a gateway forwards those of the stations registered behind it. */
    public enum Kind {
        STATION, GATEWAY;

        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public static Kind parse(String text) {
            return switch (text) {
                case "station" -> STATION;
                case "gateway" -> GATEWAY;
                default -> throw new IllegalArgumentException("kind must be station or gateway, got '" + text + "'");
            };
        }
    }
}
