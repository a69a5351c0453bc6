package io.agrisense.platform.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.elements.auth.PreSharedKeyIdentity;
import org.junit.jupiter.api.Test;

class PskStationAccessTest {

    @Test
    void aDtlsPeerMayPostOnlyForTheStationItsIdentityNames() {
        PskStationAccess access = new PskStationAccess(false, 5684);
        assertThat(access.checkPeer(new PreSharedKeyIdentity("pond-01"), "pond-01")).isNull();
        CoapTelemetryResource.StationAccess.Refusal other = access.checkPeer(new PreSharedKeyIdentity("pond-01"), "pond-02");
        assertThat(other.code()).isEqualTo(ResponseCode.FORBIDDEN);
        assertThat(other.reason()).isEqualTo("PSK identity 'pond-01' may not post telemetry for station pond-02");
    }

    @Test
    void plainUdpIsAllowedUnlessDtlsIsRequired() {
        assertThat(new PskStationAccess(false, 5684).checkPeer(null, "pond-01")).isNull();
        CoapTelemetryResource.StationAccess.Refusal refused = new PskStationAccess(true, 5684).checkPeer(null, "pond-01");
        assertThat(refused.code()).isEqualTo(ResponseCode.UNAUTHORIZED);
        assertThat(refused.reason()).isEqualTo("telemetry is accepted only over DTLS (coaps://, port 5684) with the station's pre-shared key");
    }
}
