package io.agrisense.gateway.forward;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agrisense.protocol.StationId;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ForwardRecordTest {

    @Test
    void roundTripsTheStationAndTheExactPayload() {
        byte[] payload = "[{\"bn\":\"urn:dev:agri:pond-01:\",\"n\":\"ph\",\"v\":7}]".getBytes(StandardCharsets.UTF_8);
        ForwardRecord back = ForwardRecord.decode(new ForwardRecord(StationId.of("pond-01"), payload).encode());
        assertThat(back.station()).isEqualTo(StationId.of("pond-01"));
        assertThat(back.payload()).isEqualTo(payload);
        String longest = "x".repeat(64);
        assertThat(ForwardRecord.decode(new ForwardRecord(StationId.of(longest), new byte[] {(byte) 0x81}).encode()).station().value())
                .isEqualTo(longest);
    }

    @Test
    void rejectsBytesThatAreNotARecord() {
        assertThatThrownBy(() -> ForwardRecord.decode(new byte[] {5})).hasMessage("record of 1 bytes is too short");
        assertThatThrownBy(() -> ForwardRecord.decode(new byte[] {9, 'a', 'b'}))
                .hasMessage("station id length 9 does not fit a record of 3 bytes");
        assertThatThrownBy(() -> ForwardRecord.decode(new byte[] {2, 'a', '/', '['})).hasMessage("'a/' is not a station id");
    }
}
