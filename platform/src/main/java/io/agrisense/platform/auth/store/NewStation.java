package io.agrisense.platform.auth.store;

import io.agrisense.protocol.StationId;
import java.util.Objects;

/**
 * What an admin gives to register a station or gateway. {@code viaGateway}: the registered gateway that may forward
 * for it; {@code issuePsk}: also issue a DTLS pre-shared key (needs the deployment's secret key).
 */
public record NewStation(StationId id, RegisteredStation.Kind kind, String viaGateway, String profile, String name,
                         Double latitude, Double longitude, Double elevation, String owner, boolean issuePsk) {

    public NewStation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        if (latitude != null && !(latitude >= -90 && latitude <= 90)) {
            throw new IllegalArgumentException("latitude must be between -90 and 90, got " + latitude);
        }
        if (longitude != null && !(longitude >= -180 && longitude <= 180)) {
            throw new IllegalArgumentException("longitude must be between -180 and 180, got " + longitude);
        }
        if ((latitude == null) != (longitude == null)) {
            throw new IllegalArgumentException("give both latitude and longitude, or neither");
        }
        if (viaGateway != null && !StationId.isValid(viaGateway)) {
            throw new IllegalArgumentException("via_gateway '" + viaGateway + "' is not a station id");
        }
    }

    public static NewStation station(String id, String profile) {
        return new NewStation(StationId.of(id), RegisteredStation.Kind.STATION, null, profile, null, null, null, null, null, false);
    }

    public NewStation withPsk() {
        return new NewStation(id, kind, viaGateway, profile, name, latitude, longitude, elevation, owner, true);
    }
}
