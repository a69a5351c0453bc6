package io.agrisense.gateway.coap;

import static org.assertj.core.api.Assertions.assertThat;

import io.agrisense.protocol.StationId;
import io.agrisense.protocol.senml.ResolvedRecord;
import io.agrisense.protocol.senml.Senml;
import io.agrisense.protocol.senml.SenmlFormat;
import io.agrisense.protocol.senml.SenmlPackBuilder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.junit.jupiter.api.Test;

class TelemetryCheckTest {

    private static final double NOW = 1_750_000_000;
    private static final StationId POND = StationId.of("pond-01");

    private static byte[] pack(StationId station, SenmlFormat format) {
        return Senml.encode(SenmlPackBuilder.forStation(station).add("water_temperature", "Cel", NOW - 60, 21.5)
                .add("dissolved_oxygen", "mg/L", NOW - 30, 6.25).build(), format);
    }

    private static TelemetryCheck.Verdict check(String station, int contentFormat, byte[] payload) {
        return TelemetryCheck.check(List.of("telemetry", station), contentFormat, payload, 1024, NOW);
    }

    private static TelemetryCheck.Refuse refused(TelemetryCheck.Verdict v) {
        assertThat(v).isInstanceOf(TelemetryCheck.Refuse.class);
        return (TelemetryCheck.Refuse) v;
    }

    @Test
    void acceptsJsonAndCborPacksUnchangedWithTheirReadingCount() {
        for (SenmlFormat f : SenmlFormat.values()) {
            byte[] payload = pack(POND, f);
            TelemetryCheck.Verdict v = check("pond-01", f.coapContentFormat(), payload);
            assertThat(v).isInstanceOf(TelemetryCheck.Accept.class);
            TelemetryCheck.Accept a = (TelemetryCheck.Accept) v;
            assertThat(a.station()).isEqualTo(POND);
            assertThat(a.payload()).isSameAs(payload);
            assertThat(a.readings()).isEqualTo(2);
            assertThat(a.anchored()).isFalse();
        }
    }

    @Test
    void refusesAPathThatNamesNoStation() {
        assertThat(refused(TelemetryCheck.check(List.of("telemetry"), 110, pack(POND, SenmlFormat.JSON), 1024, NOW)))
                .isEqualTo(new TelemetryCheck.Refuse(ResponseCode.BAD_REQUEST, "POST to /telemetry/<station id>"));
        assertThat(refused(check("pond 01", 110, pack(POND, SenmlFormat.JSON))).reason())
                .isEqualTo("station id 'pond 01' must be 1-64 characters of A-Z a-z 0-9 _ -");
    }

    @Test
    void refusesOtherContentFormatsWith415() {
        TelemetryCheck.Refuse r = refused(check("pond-01", 50, pack(POND, SenmlFormat.JSON)));
        assertThat(r.code()).isEqualTo(ResponseCode.UNSUPPORTED_CONTENT_FORMAT);
        assertThat(r.reason()).startsWith("content-format 50 is not supported");
    }

    @Test
    void refusesATooLargeBodyWith413() {
        TelemetryCheck.Refuse r = refused(TelemetryCheck.check(List.of("telemetry", "pond-01"), 110, new byte[2000], 1024, NOW));
        assertThat(r).isEqualTo(new TelemetryCheck.Refuse(ResponseCode.REQUEST_ENTITY_TOO_LARGE,
                "payload of 2000 bytes is larger than the limit of 1024 bytes"));
    }

    @Test
    void refusesMalformedPacksWithTheCodecsReason() {
        TelemetryCheck.Refuse r = refused(check("pond-01", 110, "[{\"bn\":\"urn:dev:agri:pond-01:\",\"n\":\"ph\",\"v\":\"x\"}]"
                .getBytes(StandardCharsets.UTF_8)));
        assertThat(r.code()).isEqualTo(ResponseCode.BAD_REQUEST);
        assertThat(r.reason()).startsWith("malformed SenML pack: ");
        assertThat(refused(check("pond-01", 110, new byte[0])).reason()).isEqualTo("malformed SenML pack: the payload is empty");
        assertThat(refused(check("pond-01", 110, "[]".getBytes(StandardCharsets.UTF_8))).reason())
                .isEqualTo("malformed SenML pack: a SenML pack needs at least one record");
        assertThat(refused(check("pond-01", 110, pack(POND, SenmlFormat.CBOR))).reason())
                .isEqualTo("content-format 110 says application/senml+json but the payload is application/senml+cbor");
    }

    @Test
    void refusesRecordsOfAnotherStation() {
        TelemetryCheck.Refuse r = refused(check("pond-01", 110, pack(StationId.of("river-01"), SenmlFormat.JSON)));
        assertThat(r).isEqualTo(new TelemetryCheck.Refuse(ResponseCode.BAD_REQUEST,
                "record 0: names station 'river-01' but was posted to /telemetry/pond-01"));
        String noBase = "[{\"n\":\"water_temperature\",\"u\":\"Cel\",\"v\":20,\"t\":1750000000}]";
        assertThat(refused(check("pond-01", 110, noBase.getBytes(StandardCharsets.UTF_8))).reason())
                .isEqualTo("record 0: bad record name: name 'water_temperature' does not start with urn:dev:agri:"
                        + " (expected base name urn:dev:agri:pond-01:)");
    }

    @Test
    void anchorsRelativeTimesToTheTimeOfReceipt() throws Exception {
        String relative = "[{\"bn\":\"urn:dev:agri:pond-01:\",\"n\":\"ph\",\"v\":7.1,\"t\":-10},"
                + "{\"n\":\"ph\",\"v\":7.2}]";
        TelemetryCheck.Accept a = (TelemetryCheck.Accept) check("pond-01", 110, relative.getBytes(StandardCharsets.UTF_8));
        assertThat(a.anchored()).isTrue();
        assertThat(a.readings()).isEqualTo(2);
        List<ResolvedRecord> forwarded = Senml.decodeAndResolve(a.payload(), NOW + 3600);
        assertThat(forwarded).extracting(ResolvedRecord::name).containsExactly("urn:dev:agri:pond-01:ph", "urn:dev:agri:pond-01:ph");
        assertThat(forwarded).extracting(ResolvedRecord::time).containsExactly(NOW - 10, NOW);
        assertThat(forwarded).extracting(ResolvedRecord::value).containsExactly(7.1, 7.2);
    }
}
