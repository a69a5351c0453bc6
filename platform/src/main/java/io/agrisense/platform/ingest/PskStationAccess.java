package io.agrisense.platform.ingest;

import java.security.Principal;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.server.resources.CoapExchange;
import org.eclipse.californium.elements.auth.PreSharedKeyIdentity;

/**
 * Who may post telemetry for a station over CoAP: a DTLS peer only for the station its PSK identity names (4.03
 * otherwise); a plain UDP sender for any station, unless DTLS is required (4.01).
 */
final class PskStationAccess implements CoapTelemetryResource.StationAccess {

    private final boolean dtlsRequired;
    private final int dtlsPort;

    PskStationAccess(boolean dtlsRequired, int dtlsPort) {
        this.dtlsRequired = dtlsRequired;
        this.dtlsPort = dtlsPort;
    }

    @Override
    public Refusal check(CoapExchange exchange, String station) {
        return checkPeer(exchange.advanced().getRequest().getSourceContext().getPeerIdentity(), station);
    }

    Refusal checkPeer(Principal peer, String station) {
        if (peer == null) {
            return dtlsRequired ? new Refusal(ResponseCode.UNAUTHORIZED, "telemetry is accepted only over DTLS (coaps://, port "
                    + dtlsPort + ") with the station's pre-shared key") : null;
        }
        if (peer instanceof PreSharedKeyIdentity psk && station.equals(psk.getIdentity())) {
            return null;
        }
        String who = peer instanceof PreSharedKeyIdentity psk ? "PSK identity '" + psk.getIdentity() + "'" : peer.getName();
        return new Refusal(ResponseCode.FORBIDDEN, who + " may not post telemetry for station " + station);
    }
}
