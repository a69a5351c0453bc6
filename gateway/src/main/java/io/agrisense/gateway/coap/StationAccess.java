package io.agrisense.gateway.coap;

import java.security.Principal;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.elements.auth.PreSharedKeyIdentity;

/**
 * Who may post telemetry for a station: a DTLS peer only for the station its PSK identity names (4.03 otherwise);
 * a plain UDP sender for any station, unless DTLS is required (4.01). The same rules as the platform's CoAP endpoint.
 */
public final class StationAccess {

    private final boolean dtlsRequired;
    private final String dtlsWhere;

    /** {@code dtlsWhere} tells a refused UDP sender where to go, e.g. "port 5684". */
    public StationAccess(boolean dtlsRequired, String dtlsWhere) {
        this.dtlsRequired = dtlsRequired;
        this.dtlsWhere = dtlsWhere;
    }

    /** Null when {@code peer} (null: plain UDP) may post for {@code station}, else the refusal. */
    public TelemetryCheck.Refuse check(Principal peer, String station) {
        if (peer == null) {
            return dtlsRequired ? new TelemetryCheck.Refuse(ResponseCode.UNAUTHORIZED,
                    "telemetry is accepted only over DTLS (coaps://, " + dtlsWhere + ") with the station's pre-shared key")
                    : null;
        }
        if (peer instanceof PreSharedKeyIdentity psk && station.equals(psk.getIdentity())) {
            return null;
        }
        String who = peer instanceof PreSharedKeyIdentity psk ? "PSK identity '" + psk.getIdentity() + "'" : peer.getName();
        return new TelemetryCheck.Refuse(ResponseCode.FORBIDDEN, who + " may not post telemetry for station " + station);
    }
}
