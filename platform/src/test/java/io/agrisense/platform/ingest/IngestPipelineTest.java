package io.agrisense.platform.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agrisense.platform.ingest.IngestPipeline.Accepted;
import io.agrisense.platform.ingest.IngestPipeline.Event;
import io.agrisense.platform.ingest.IngestPipeline.Refused;
import io.agrisense.platform.ingest.IngestPipeline.Verdict;
import io.agrisense.platform.store.MessageRows;
import io.agrisense.platform.store.Reading;
import io.agrisense.platform.store.RejectReason;
import io.agrisense.platform.store.Rejection;
import io.agrisense.platform.store.StationEvent;
import io.agrisense.platform.store.StoredReading;
import io.agrisense.protocol.StationId;
import io.agrisense.protocol.senml.ResolvedRecord;
import io.agrisense.protocol.senml.Senml;
import io.agrisense.protocol.senml.SenmlFormat;
import io.agrisense.protocol.senml.SenmlPackBuilder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class IngestPipelineTest {

    private static final Instant NOW = Instant.parse("2024-05-01T06:00:00Z");
    private static final double NOW_S = NOW.getEpochSecond();
    private static final StationId POND = StationId.of("pond-3");
    private final IngestPipeline pipeline = new IngestPipeline(Duration.ofMinutes(5), 1000);

    private static ResolvedRecord numeric(String name, String unit, double time, double value) {
        return new ResolvedRecord(name, unit, time, value, null, null, null, null, null, 10);
    }

    private static ResolvedRecord text(String name, double time, String value) {
        return new ResolvedRecord(name, null, time, null, value, null, null, null, null, 10);
    }

    private static Rejection refused(Verdict v) {
        assertThat(v).isInstanceOf(Refused.class);
        return ((Refused) v).rejection();
    }

    // ---- step 1: check topic -----------------------------------------------------------------------------

    @Test
    void checkTopicTakesTheStationFromATelemetryTopic() throws Exception {
        assertThat(pipeline.checkTopic("agri/v1/pond-3/telemetry")).isEqualTo(POND);
    }

    @Test
    void checkTopicRefusesOtherTopicsAndBadStationIds() {
        assertThatThrownBy(() -> pipeline.checkTopic("agri/v1/bad.id/telemetry"))
                .isInstanceOfSatisfying(IngestPipeline.Refusal.class, r -> {
                    assertThat(r.rejection.code()).isEqualTo(RejectReason.BAD_TOPIC);
                    assertThat(r.rejection.station()).isEqualTo("bad.id");
                    assertThat(r.rejection.reason()).isEqualTo("topic 'agri/v1/bad.id/telemetry' is not agri/v1/<id>/telemetry"
                            + " with a station id of 1-64 characters A-Z a-z 0-9 _ -");
                });
        assertThatThrownBy(() -> pipeline.checkTopic("agri/v1/pond-3/status")).isInstanceOf(IngestPipeline.Refusal.class);
        assertThatThrownBy(() -> pipeline.checkStation("a b")).isInstanceOfSatisfying(IngestPipeline.Refusal.class,
                r -> assertThat(r.rejection.reason()).isEqualTo("station id 'a b' must be 1-64 characters of A-Z a-z 0-9 _ -"));
    }

    // ---- step 2: decode ----------------------------------------------------------------------------------

    @Test
    void decodeResolvesJsonAndCborPacksWithRelativeTimesFromTheReceiveTime() throws Exception {
        byte[] json = "[{\"bn\":\"urn:dev:agri:pond-3:\",\"n\":\"ph\",\"u\":\"pH\",\"v\":7.25,\"t\":-30}]".getBytes(StandardCharsets.UTF_8);
        List<ResolvedRecord> records = pipeline.decode("pond-3", json, null, NOW);
        assertThat(records).singleElement().satisfies(r -> {
            assertThat(r.name()).isEqualTo("urn:dev:agri:pond-3:ph");
            assertThat(r.time()).isEqualTo(NOW_S - 30);
            assertThat(r.value()).isEqualTo(7.25);
        });
        byte[] cbor = Senml.encode(SenmlPackBuilder.forStation(POND).add("ph", "pH", NOW_S - 60, 6.5).build(), SenmlFormat.CBOR);
        assertThat(pipeline.decode("pond-3", cbor, null, NOW)).singleElement()
                .satisfies(r -> assertThat(r.value()).isEqualTo(6.5));
    }

    @Test
    void decodeRefusesEmptyTooLargeAndMalformedPacksWithTheDecodersMessage() {
        assertThatThrownBy(() -> pipeline.decode("pond-3", new byte[0], null, NOW))
                .isInstanceOfSatisfying(IngestPipeline.Refusal.class, r -> {
                    assertThat(r.rejection.code()).isEqualTo(RejectReason.MALFORMED_PACK);
                    assertThat(r.rejection.reason()).isEqualTo("malformed SenML pack: the payload is empty");
                });
        assertThatThrownBy(() -> pipeline.decode("pond-3", new byte[1001], null, NOW))
                .isInstanceOfSatisfying(IngestPipeline.Refusal.class, r -> {
                    assertThat(r.rejection.code()).isEqualTo(RejectReason.TOO_LARGE);
                    assertThat(r.rejection.reason()).isEqualTo("message of 1001 bytes is larger than the limit of 1000 bytes");
                });
        assertThatThrownBy(() -> pipeline.decode("pond-3", "[{\"n\":\"ph\",\"v\":\"x\"}]".getBytes(StandardCharsets.UTF_8), null, NOW))
                .isInstanceOfSatisfying(IngestPipeline.Refusal.class, r -> {
                    assertThat(r.rejection.code()).isEqualTo(RejectReason.MALFORMED_PACK);
                    assertThat(r.rejection.reason()).startsWith("malformed SenML pack: ").hasSizeGreaterThan(25);
                });
        assertThatThrownBy(() -> pipeline.decode("pond-3", "hello".getBytes(StandardCharsets.UTF_8), SenmlFormat.JSON, NOW))
                .isInstanceOf(IngestPipeline.Refusal.class);
    }

    // ---- step 3: validate --------------------------------------------------------------------------------

    @Test
    void validateAcceptsAPlausibleReadingAndKeepsMicroseconds() {
        Verdict v = pipeline.validate(POND, numeric("urn:dev:agri:pond-3:dissolved_oxygen", "mg/L", NOW_S - 0.000123456, 2.9), NOW);
        assertThat(v).isEqualTo(new Accepted(new Reading("pond-3", "dissolved_oxygen", Instant.parse("2024-05-01T05:59:59.999877Z"), 2.9)));
        assertThat(pipeline.validate(POND, numeric("urn:dev:agri:pond-3:ph", null, NOW_S, 7), NOW)).isInstanceOf(Accepted.class);
    }

    @Test
    void validateNamesWhatIsWrongWithEachRecord() {
        Rejection badName = refused(pipeline.validate(POND, numeric("ph", "pH", NOW_S, 7), NOW));
        assertThat(badName.code()).isEqualTo(RejectReason.BAD_NAME);
        assertThat(badName.reason()).isEqualTo("bad record name: name 'ph' does not start with urn:dev:agri:");

        Rejection mismatch = refused(pipeline.validate(POND, numeric("urn:dev:agri:pond-4:ph", "pH", NOW_S, 7), NOW));
        assertThat(mismatch.code()).isEqualTo(RejectReason.STATION_MISMATCH);
        assertThat(mismatch.reason()).isEqualTo("record of station 'pond-4' arrived for station 'pond-3'");
        assertThat(mismatch.metric()).isEqualTo("ph");

        Rejection unknown = refused(pipeline.validate(POND, numeric("urn:dev:agri:pond-3:colour", null, NOW_S, 3), NOW));
        assertThat(unknown.code()).isEqualTo(RejectReason.UNKNOWN_METRIC);
        assertThat(unknown.reason()).isEqualTo("unknown metric 'colour'");
        assertThat(unknown.value()).isEqualTo(3.0);

        Rejection unit = refused(pipeline.validate(POND, numeric("urn:dev:agri:pond-3:water_temperature", "Far", NOW_S, 70), NOW));
        assertThat(unit.code()).isEqualTo(RejectReason.UNIT_MISMATCH);
        assertThat(unit.reason()).isEqualTo("unit 'Far' is not the unit of water_temperature (Cel)");

        Rejection range = refused(pipeline.validate(POND, numeric("urn:dev:agri:pond-3:ph", "pH", NOW_S, 14.5), NOW));
        assertThat(range.code()).isEqualTo(RejectReason.OUT_OF_RANGE);
        assertThat(range.reason()).isEqualTo("ph value 14.5 pH is outside the plausible range 0.0..14.0");
        assertThat(range.time()).isEqualTo(NOW);

        Rejection future = refused(pipeline.validate(POND, numeric("urn:dev:agri:pond-3:ph", "pH", NOW_S + 301, 7), NOW));
        assertThat(future.code()).isEqualTo(RejectReason.FUTURE_TIME);
        assertThat(future.reason()).isEqualTo("time 2024-05-01T06:05:01Z is 301 s ahead of the platform clock (more than 300 s)");
        assertThat(pipeline.validate(POND, numeric("urn:dev:agri:pond-3:ph", "pH", NOW_S + 300, 7), NOW)).isInstanceOf(Accepted.class);

        Rejection farFuture = refused(pipeline.validate(POND, numeric("urn:dev:agri:pond-3:ph", "pH", 1e15, 7), NOW));
        assertThat(farFuture.code()).isEqualTo(RejectReason.FUTURE_TIME);
        assertThat(farFuture.time()).isNull();

        Rejection old = refused(pipeline.validate(POND, numeric("urn:dev:agri:pond-3:ph", "pH", 946_684_799, 7), NOW));
        assertThat(old.code()).isEqualTo(RejectReason.TOO_OLD);
        assertThat(old.reason()).isEqualTo("time 1999-12-31T23:59:59Z is before 2000-01-01 (is the station's clock set?)");

        Rejection flag = refused(pipeline.validate(POND, new ResolvedRecord("urn:dev:agri:pond-3:ph", null, NOW_S, null, null,
                true, null, null, null, 10), NOW));
        assertThat(flag.code()).isEqualTo(RejectReason.NOT_NUMERIC);
        assertThat(flag.reason()).isEqualTo("ph has no numeric value (v); string, boolean, data and sum-only records are not stored");
    }

    @Test
    void validateTurnsEventRecordsIntoStationEvents() {
        assertThat(pipeline.validate(POND, text("urn:dev:agri:pond-3:event", NOW_S - 5, "aerator on"), NOW))
                .isEqualTo(new Event(new StationEvent("pond-3", NOW.minusSeconds(5), "aerator on")));
        assertThat(refused(pipeline.validate(POND, numeric("urn:dev:agri:pond-3:event", null, NOW_S, 1), NOW)).reason())
                .isEqualTo("an event record needs a string value (vs)");
        assertThat(refused(pipeline.validate(POND, text("urn:dev:agri:pond-3:event", NOW_S, "x".repeat(1001)), NOW)).reason())
                .isEqualTo("event text of 1001 characters is longer than 1000");
    }

    // ---- step 4: map -------------------------------------------------------------------------------------

    @Test
    void mapSortsVerdictsIntoTheMessagesRows() {
        Reading r = new Reading("pond-3", "ph", NOW, 7);
        StationEvent e = new StationEvent("pond-3", NOW, "aerator on");
        Rejection x = Rejection.ofMessage("pond-3", RejectReason.UNKNOWN_METRIC, "unknown metric 'x'");

        MessageRows rows = pipeline.map(Source.COAP, POND, NOW, "[...]", List.of(new Accepted(r), new Refused(x), new Event(e)));

        assertThat(rows).isEqualTo(new MessageRows("coap", NOW, "pond-3", "[...]", List.of(r), List.of(e), List.of(x)));
    }

    // ---- whole messages ----------------------------------------------------------------------------------

    @Test
    void aMalformedMqttMessageIsRefusedAsAWholeAndAttributedToItsStation() {
        IngestPipeline.Prepared p = pipeline.fromMqtt("agri/v1/pond-3/telemetry", "[{\"bn\":".getBytes(StandardCharsets.UTF_8), NOW);

        assertThat(p.refused()).isTrue();
        assertThat(p.rows().station()).isEqualTo("pond-3");
        assertThat(p.rows().readings()).isEmpty();
        assertThat(p.rows().rejections()).containsExactly(p.refusal());
        assertThat(p.rows().payloadExcerpt()).isEqualTo("[{\"bn\":");
        assertThat(p.refusal().code()).isEqualTo(RejectReason.MALFORMED_PACK);
    }

    @Test
    void aMessageOnABadTopicIsRefusedWithoutAStation() {
        IngestPipeline.Prepared p = pipeline.fromMqtt("agri/v1/bad+id/telemetry", "[]".getBytes(StandardCharsets.UTF_8), NOW);
        assertThat(p.refusal().code()).isEqualTo(RejectReason.BAD_TOPIC);
        assertThat(p.rows().station()).isNull();
        assertThat(p.refusal().station()).isEqualTo("bad+id");
    }

    @Test
    void aGoodPackBecomesReadingsEventsAndRejections() {
        byte[] pack = Senml.encode(SenmlPackBuilder.forStation(POND)
                .add("water_temperature", "Cel", NOW_S - 60, 24.5)
                .add("dissolved_oxygen", "mg/L", NOW_S - 60, 30)
                .addString("event", NOW_S - 59, "aerator on")
                .build(), SenmlFormat.JSON);

        IngestPipeline.Prepared p = pipeline.fromRequest(Source.HTTP, "pond-3", pack, SenmlFormat.JSON, NOW);

        assertThat(p.refused()).isFalse();
        assertThat(p.rows().source()).isEqualTo("http");
        assertThat(p.rows().readings()).containsExactly(new Reading("pond-3", "water_temperature", NOW.minusSeconds(60), 24.5));
        assertThat(p.rows().events()).containsExactly(new StationEvent("pond-3", NOW.minusSeconds(59), "aerator on"));
        assertThat(p.rows().rejections()).singleElement().satisfies(r -> assertThat(r.code()).isEqualTo(RejectReason.OUT_OF_RANGE));
    }

    @Test
    void derivedReadingsAreValidatedLikeTelemetryAndDoNotMarkTheStationSeen() {
        IngestPipeline.Prepared p = pipeline.fromPlatform(List.of(
                new StoredReading("orchard-1", "orchard", "dew_point", NOW, 3.5),
                new StoredReading("orchard-1", null, "thi", NOW, 400),
                new StoredReading("not valid", null, "dew_point", NOW, 3.5)), NOW);

        assertThat(p.rows().station()).isNull();
        assertThat(p.rows().source()).isEqualTo("platform");
        assertThat(p.rows().readings()).containsExactly(new Reading("orchard-1", "dew_point", NOW, 3.5));
        assertThat(p.rows().rejections()).extracting(Rejection::code).containsExactly(RejectReason.OUT_OF_RANGE, RejectReason.BAD_NAME);
    }

    @Test
    void statusMessagesAreParsedOrRejected() {
        byte[] online = "{\"state\":\"online\",\"profile\":\"crayfish_pond\",\"name\":\"Pond 3\",\"version\":\"0.2.0\",\"time\":1714543100}"
                .getBytes(StandardCharsets.UTF_8);
        IngestPipeline.StatusOrRejection s = pipeline.fromStatus("agri/v1/pond-3/status", online, NOW).orElseThrow();
        assertThat(s.status().online()).isTrue();
        assertThat(s.status().profile()).isEqualTo("crayfish_pond");
        assertThat(s.status().name()).isEqualTo("Pond 3");
        assertThat(s.status().version()).isEqualTo("0.2.0");
        assertThat(s.status().time()).isEqualTo(Instant.ofEpochSecond(1714543100));

        assertThat(pipeline.fromStatus("agri/v1/pond-3/status", new byte[0], NOW)).isEmpty();
        assertThat(pipeline.fromStatus("agri/v1/pond-3/status", "{\"state\":\"asleep\"}".getBytes(StandardCharsets.UTF_8), NOW)
                .orElseThrow().rejection().rejections()).singleElement().satisfies(r -> {
                    assertThat(r.code()).isEqualTo(RejectReason.BAD_STATUS);
                    assertThat(r.reason()).isEqualTo("bad status message: \"state\" must be \"online\" or \"offline\", got \"asleep\"");
                });
        assertThat(pipeline.fromStatus("agri/v1/pond-3/status", "offline".getBytes(StandardCharsets.UTF_8), NOW)
                .orElseThrow().rejection().rejections().get(0).reason()).startsWith("bad status message: not JSON");
    }

    @Test
    void excerptsKeepTheStartOfTextAndHexOfBinary() {
        assertThat(IngestPipeline.excerpt(("  [" + "x".repeat(400)).getBytes(StandardCharsets.UTF_8))).hasSize(301).endsWith("x\u2026");
        assertThat(IngestPipeline.excerpt(new byte[] {(byte) 0x81, (byte) 0xa2, 0x00})).isEqualTo("hex:81a200");
    }

    @Test
    void senmlSecondsBecomeInstantsRoundedToTheMicrosecond() {
        assertThat(IngestPipeline.toInstant(1714543200.1234567)).isEqualTo(Instant.parse("2024-05-01T06:00:00.123457Z"));
        assertThat(IngestPipeline.toInstant(Double.NaN)).isNull();
        assertThat(IngestPipeline.toInstant(-1.5)).isEqualTo(Instant.parse("1969-12-31T23:59:58.500Z"));
    }
}
