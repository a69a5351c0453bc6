package io.agrisense.gateway.coap;

import static org.assertj.core.api.Assertions.assertThat;

import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.elements.auth.PreSharedKeyIdentity;
import org.junit.jupiter.api.Test;

class StationAccessTest {

    @Test
    void plainUdpMayPostForAnyStationUnlessDtlsIsRequired() {
        assertThat(new StationAccess(false, "port 5684").check(null, "pond-01")).isNull();
        assertThat(new StationAccess(true, "port 5684").check(null, "pond-01")).isEqualTo(new TelemetryCheck.Refuse(
                ResponseCode.UNAUTHORIZED,
                "telemetry is accepted only over DTLS (coaps://, port 5684) with the station's pre-shared key"));
    }

    @Test
    void aDtlsPeerMayPostOnlyForTheStationItsIdentityNames() {
        StationAccess access = new StationAccess(true, "port 5684");
        assertThat(access.check(new PreSharedKeyIdentity("pond-01"), "pond-01")).isNull();
        assertThat(access.check(new PreSharedKeyIdentity("pond-01"), "river-01")).isEqualTo(new TelemetryCheck.Refuse(
                ResponseCode.FORBIDDEN, "PSK identity 'pond-01' may not post telemetry for station river-01"));
        assertThat(new StationAccess(false, "port 5684").check(new PreSharedKeyIdentity("pond-01"), "river-01").code())
                .as("a DTLS peer is held to its identity even when DTLS is optional").isEqualTo(ResponseCode.FORBIDDEN);
    }
}
