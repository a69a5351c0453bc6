package io.agrisense.platform.auth.store;

import io.agrisense.platform.auth.StationSecret;

/** What is shown once when a station is registered or its secret rotated: the secret, and the DTLS key if issued. */
public record IssuedCredentials(RegisteredStation station, StationSecret secret, String psk) {

    @Override
    public String toString() {
        return "IssuedCredentials[" + station.id() + ", ****]";
    }
}
