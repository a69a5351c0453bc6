package io.agrisense.platform.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agrisense.platform.store.MessageRows;
import io.agrisense.platform.store.Reading;
import io.agrisense.platform.store.RejectReason;
import io.agrisense.platform.store.Rejection;
import io.agrisense.platform.store.StationEvent;
import io.agrisense.platform.store.StationStatus;
import io.agrisense.platform.store.StoredReading;
import io.agrisense.protocol.Metric;
import io.agrisense.protocol.MetricCatalogue;
import io.agrisense.protocol.StationId;
import io.agrisense.protocol.Topics;
import io.agrisense.protocol.senml.ResolvedRecord;
import io.agrisense.protocol.senml.Senml;
import io.agrisense.protocol.senml.SenmlException;
import io.agrisense.protocol.senml.SenmlFormat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The pure part of ingestion, the same for MQTT, HTTP, CoAP and derived readings:
 * check topic (or path) → decode → validate → map to rows. No I/O and no clock: the receive time is passed in.
 * Storing, acknowledging and publishing follow in {@link IngestBatcher}.
 */
public final class IngestPipeline {

    /** Readings before this are clock errors (an agent that booted without time), not history. */
    static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    static final int MAX_EVENT_LENGTH = 1000;
    private static final int EXCERPT_CHARS = 300;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Duration futureTolerance;
    private final int maxPayloadBytes;

    public IngestPipeline(Duration futureTolerance, int maxPayloadBytes) {
        this.futureTolerance = futureTolerance;
        this.maxPayloadBytes = maxPayloadBytes;
    }

    /** A message ready for the batcher; {@code refusal} is set when the whole message was rejected (400 / 4.00). */
    public record Prepared(MessageRows rows, Rejection refusal) {
        public boolean refused() {
            return refusal != null;
        }
    }

    /** A whole message refused before its records could be looked at. */
    static final class Refusal extends Exception {
        private static final long serialVersionUID = 1L;
        final transient Rejection rejection;

        Refusal(String station, RejectReason code, String reason) {
            super(reason, null, false, false);
            this.rejection = Rejection.ofMessage(station, code, reason);
        }
    }

    /** The verdict on one resolved record. */
    sealed interface Verdict permits Accepted, Event, Refused {
    }

    record Accepted(Reading reading) implements Verdict {
    }

    record Event(StationEvent event) implements Verdict {
    }

    record Refused(Rejection rejection) implements Verdict {
    }

    // ---- entry points -------------------------------------------------------------------------------------

    /** A publish on {@code agri/v1/<id>/telemetry}. */
    public Prepared fromMqtt(String topic, byte[] payload, Instant receivedAt) {
        String excerpt = excerpt(payload);
        try {
            StationId station = checkTopic(topic);
            return decodeValidateMap(Source.MQTT, station, payload, null, receivedAt, excerpt);
        } catch (Refusal r) {
            return refused(Source.MQTT, receivedAt, excerpt, r);
        }
    }

    /** An HTTP or CoAP request for the station named in its path; {@code format} null means "tell by the first byte". */
    public Prepared fromRequest(Source source, String stationId, byte[] payload, SenmlFormat format, Instant receivedAt) {
        String excerpt = excerpt(payload);
        try {
            StationId station = checkStation(stationId);
            return decodeValidateMap(source, station, payload, format, receivedAt, excerpt);
        } catch (Refusal r) {
            return refused(source, receivedAt, excerpt, r);
        }
    }

    /** Readings computed on the platform (derived series), validated like telemetry. */
    public Prepared fromPlatform(List<StoredReading> readings, Instant receivedAt) {
        List<Verdict> verdicts = new ArrayList<>(readings.size());
        for (StoredReading r : readings) {
            if (!StationId.isValid(r.station())) {
                verdicts.add(new Refused(new Rejection(r.station(), r.metric(), r.time(), r.value(), RejectReason.BAD_NAME,
                        "station id '" + r.station() + "' must be 1-64 characters of A-Z a-z 0-9 _ -")));
                continue;
            }
            double seconds = r.time().getEpochSecond() + r.time().getNano() / 1e9;
            verdicts.add(validateValue(r.station(), r.metric(), null, seconds, r.time(), r.value(), receivedAt));
        }
        // Derived readings do not make a station "seen": station null.
        MessageRows rows = map(Source.PLATFORM, null, receivedAt, null, verdicts);
        return new Prepared(rows, null);
    }

    /**
     * A retained status message ({@code {"state":"online"|"offline","profile":..,"name":..,"version":..}}).
     * Empty when the payload is empty (a cleared retained message); a bad message becomes a rejection.
     */
    public Optional<StatusOrRejection> fromStatus(String topic, byte[] payload, Instant receivedAt) {
        if (payload.length == 0) {
            return Optional.empty();
        }
        String excerpt = excerpt(payload);
        Optional<Topics.Topic> parsed = Topics.parse(topic);
        if (parsed.isEmpty() || parsed.get().kind() != Topics.Kind.STATUS) {
            return Optional.of(new StatusOrRejection(null, MessageRows.rejected(Source.MQTT.label(), receivedAt, null, excerpt,
                    Rejection.ofMessage(stationLevel(topic), RejectReason.BAD_TOPIC, "topic '" + topic + "' is not agri/v1/<id>/status"))));
        }
        String station = parsed.get().station().value();
        try {
            return Optional.of(new StatusOrRejection(parseStatus(station, payload, receivedAt), null));
        } catch (IllegalArgumentException e) {
            return Optional.of(new StatusOrRejection(null, MessageRows.rejected(Source.MQTT.label(), receivedAt, station, excerpt,
                    Rejection.ofMessage(station, RejectReason.BAD_STATUS, "bad status message: " + e.getMessage()))));
        }
    }

    /** Either a status to store or the rejection of a bad status message. */
    public record StatusOrRejection(StationStatus status, MessageRows rejection) {
    }

    // ---- the steps ----------------------------------------------------------------------------------------

    /** Step 1 (MQTT): the station of a telemetry topic. */
    StationId checkTopic(String topic) throws Refusal {
        Optional<Topics.Topic> parsed = Topics.parse(topic);
        if (parsed.isEmpty() || parsed.get().kind() != Topics.Kind.TELEMETRY) {
            throw new Refusal(stationLevel(topic), RejectReason.BAD_TOPIC,
                    "topic '" + topic + "' is not agri/v1/<id>/telemetry with a station id of 1-64 characters A-Z a-z 0-9 _ -");
        }
        return parsed.get().station();
    }

    /** Step 1 (HTTP, CoAP): the station named in the path. */
    StationId checkStation(String id) throws Refusal {
        if (!StationId.isValid(id)) {
            throw new Refusal(id, RejectReason.BAD_TOPIC, "station id '" + id + "' must be 1-64 characters of A-Z a-z 0-9 _ -");
        }
        return new StationId(id);
    }

    /** Step 2: SenML (JSON or CBOR) to resolved records; relative times are taken from the receive time. */
    List<ResolvedRecord> decode(String station, byte[] payload, SenmlFormat format, Instant receivedAt) throws Refusal {
        if (payload.length > maxPayloadBytes) {
            throw new Refusal(station, RejectReason.TOO_LARGE,
                    "message of " + payload.length + " bytes is larger than the limit of " + maxPayloadBytes + " bytes");
        }
        if (payload.length == 0) {
            throw new Refusal(station, RejectReason.MALFORMED_PACK, "malformed SenML pack: the payload is empty");
        }
        double now = receivedAt.getEpochSecond() + receivedAt.getNano() / 1e9;
        try {
            SenmlFormat f = format != null ? format : Senml.detect(payload);
            return Senml.resolve(Senml.decode(payload, f), now);
        } catch (SenmlException e) {
            throw new Refusal(station, RejectReason.MALFORMED_PACK, "malformed SenML pack: " + e.getMessage());
        }
    }

    /** Step 3: one resolved record against the channel's station, the metric catalogue and the clock. */
    Verdict validate(StationId channel, ResolvedRecord record, Instant receivedAt) {
        StationId.StationMetric name;
        Instant time = toInstant(record.time());
        try {
            name = StationId.splitResolvedName(record.name());
        } catch (IllegalArgumentException e) {
            return new Refused(new Rejection(channel.value(), null, time, record.value(), RejectReason.BAD_NAME,
                    "bad record name: " + e.getMessage()));
        }
        String metric = name.metric();
        if (!name.station().equals(channel)) {
            return new Refused(new Rejection(channel.value(), metric, time, record.value(), RejectReason.STATION_MISMATCH,
                    "record of station '" + name.station() + "' arrived for station '" + channel + "'"));
        }
        if (MetricCatalogue.EVENT.equals(metric)) {
            return validateEvent(channel.value(), record, time, receivedAt);
        }
        if (record.value() == null) {
            if (MetricCatalogue.lookup(metric).isEmpty()) {
                return new Refused(new Rejection(channel.value(), metric, time, null, RejectReason.UNKNOWN_METRIC,
                        "unknown metric '" + metric + "'"));
            }
            return new Refused(new Rejection(channel.value(), metric, time, null, RejectReason.NOT_NUMERIC,
                    metric + " has no numeric value (v); string, boolean, data and sum-only records are not stored"));
        }
        return validateValue(channel.value(), metric, record.unit(), record.time(), time, record.value(), receivedAt);
    }

    private Verdict validateEvent(String station, ResolvedRecord record, Instant time, Instant receivedAt) {
        if (record.stringValue() == null) {
            return new Refused(new Rejection(station, MetricCatalogue.EVENT, time, record.value(), RejectReason.BAD_EVENT,
                    "an event record needs a string value (vs)"));
        }
        if (record.stringValue().length() > MAX_EVENT_LENGTH) {
            return new Refused(new Rejection(station, MetricCatalogue.EVENT, time, null, RejectReason.BAD_EVENT,
                    "event text of " + record.stringValue().length() + " characters is longer than " + MAX_EVENT_LENGTH));
        }
        String timeProblem = timeProblem(record.time(), time, receivedAt);
        if (timeProblem != null) {
            return new Refused(new Rejection(station, MetricCatalogue.EVENT, time, null, timeCode(record.time(), receivedAt), timeProblem));
        }
        return new Event(new StationEvent(station, time, record.stringValue()));
    }

    private Verdict validateValue(String station, String metricName, String unit, double seconds, Instant time,
                                  double value, Instant receivedAt) {
        Optional<Metric> metric = MetricCatalogue.lookup(metricName);
        if (metric.isEmpty()) {
            return new Refused(new Rejection(station, metricName, time, value, RejectReason.UNKNOWN_METRIC,
                    "unknown metric '" + metricName + "'"));
        }
        String expectedUnit = metric.get().unit();
        if (unit != null && !unit.equals(expectedUnit)) {
            return new Refused(new Rejection(station, metricName, time, value, RejectReason.UNIT_MISMATCH,
                    "unit '" + unit + "' is not the unit of " + metricName + " (" + (expectedUnit == null ? "none" : expectedUnit) + ")"));
        }
        String timeProblem = timeProblem(seconds, time, receivedAt);
        if (timeProblem != null) {
            return new Refused(new Rejection(station, metricName, time, value, timeCode(seconds, receivedAt), timeProblem));
        }
        String implausible = metric.get().implausibility(value);
        if (implausible != null) {
            return new Refused(new Rejection(station, metricName, time, value, RejectReason.OUT_OF_RANGE, implausible));
        }
        return new Accepted(new Reading(station, metricName, time, value));
    }

    /** Step 4: the verdicts become the message's rows. */
    MessageRows map(Source source, StationId station, Instant receivedAt, String excerpt, List<Verdict> verdicts) {
        List<Reading> readings = new ArrayList<>();
        List<StationEvent> events = new ArrayList<>();
        List<Rejection> rejections = new ArrayList<>();
        for (Verdict v : verdicts) {
            if (v instanceof Accepted a) {
                readings.add(a.reading());
            } else if (v instanceof Event e) {
                events.add(e.event());
            } else if (v instanceof Refused r) {
                rejections.add(r.rejection());
            }
        }
        return new MessageRows(source.label(), receivedAt, station == null ? null : station.value(), excerpt,
                readings, events, rejections);
    }

    // ---- helpers ------------------------------------------------------------------------------------------

    private Prepared decodeValidateMap(Source source, StationId station, byte[] payload, SenmlFormat format,
                                       Instant receivedAt, String excerpt) throws Refusal {
        List<ResolvedRecord> records = decode(station.value(), payload, format, receivedAt);
        List<Verdict> verdicts = new ArrayList<>(records.size());
        for (ResolvedRecord r : records) {
            verdicts.add(validate(station, r, receivedAt));
        }
        return new Prepared(map(source, station, receivedAt, excerpt, verdicts), null);
    }

    private static Prepared refused(Source source, Instant receivedAt, String excerpt, Refusal r) {
        String station = StationId.isValid(r.rejection.station()) ? r.rejection.station() : null;
        return new Prepared(MessageRows.rejected(source.label(), receivedAt, station, excerpt, r.rejection), r.rejection);
    }

    private String timeProblem(double seconds, Instant time, Instant receivedAt) {
        if (time == null && seconds > receivedAt.getEpochSecond()) {
            return "time " + seconds + " s since the epoch is far in the future";
        }
        if (time == null || time.isBefore(EARLIEST)) {
            return "time " + describe(seconds, time) + " is before 2000-01-01 (is the station's clock set?)";
        }
        Instant latest = receivedAt.plus(futureTolerance);
        if (time.isAfter(latest)) {
            long ahead = Duration.between(receivedAt, time).toSeconds();
            return "time " + time + " is " + ahead + " s ahead of the platform clock (more than "
                    + futureTolerance.toSeconds() + " s)";
        }
        return null;
    }

    private RejectReason timeCode(double seconds, Instant receivedAt) {
        double now = receivedAt.getEpochSecond();
        return seconds > now ? RejectReason.FUTURE_TIME : RejectReason.TOO_OLD;
    }

    private static String describe(double seconds, Instant time) {
        return time != null ? time.toString() : seconds + " s since the epoch";
    }

    /** SenML seconds to an Instant rounded to the microsecond; null when out of any sensible range. */
    static Instant toInstant(double seconds) {
        if (!Double.isFinite(seconds) || Math.abs(seconds) > 1e11) {
            return null;
        }
        long micros = Math.round(seconds * 1_000_000d);
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000L);
    }

    private static StationStatus parseStatus(String station, byte[] payload, Instant receivedAt) {
        JsonNode root;
        try {
            root = JSON.readTree(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON (" + e.getOriginalMessage() + ")");
        } catch (IOException e) {
            throw new IllegalArgumentException("unreadable (" + e.getMessage() + ")");
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("expected a JSON object with \"state\"");
        }
        String state = root.path("state").asText("");
        if (!state.equals("online") && !state.equals("offline")) {
            throw new IllegalArgumentException("\"state\" must be \"online\" or \"offline\", got " + root.path("state"));
        }
        Instant time = receivedAt;
        JsonNode t = root.path("time");
        if (t.isNumber()) {
            Instant parsed = toInstant(t.asDouble());
            if (parsed != null && !parsed.isBefore(EARLIEST) && !parsed.isAfter(receivedAt.plusSeconds(300))) {
                time = parsed;
            }
        }
        return new StationStatus(station, state.equals("online"), time, text(root, "profile"), text(root, "name"),
                text(root, "version"), root.toString());
    }

    private static String text(JsonNode root, String field) {
        JsonNode n = root.path(field);
        return n.isValueNode() && !n.isNull() && !n.asText().isBlank() ? n.asText() : null;
    }

    private static String stationLevel(String topic) {
        if (topic == null) {
            return null;
        }
        String[] levels = topic.split("/", -1);
        return levels.length >= 3 ? levels[2] : null;
    }

    /** The start of a payload for the rejected-readings table: text for JSON, hex for CBOR. */
    static String excerpt(byte[] payload) {
        int i = 0;
        while (i < payload.length && (payload[i] == ' ' || payload[i] == '\n' || payload[i] == '\r' || payload[i] == '\t')) {
            i++;
        }
        boolean text = i < payload.length && (payload[i] == '[' || payload[i] == '{');
        if (text) {
            String s = new String(payload, 0, Math.min(payload.length, EXCERPT_CHARS * 4), StandardCharsets.UTF_8);
            return s.length() > EXCERPT_CHARS ? s.substring(0, EXCERPT_CHARS) + "\u2026" : s;
        }
        int n = Math.min(payload.length, EXCERPT_CHARS / 2);
        return "hex:" + HexFormat.of().formatHex(payload, 0, n) + (payload.length > n ? "\u2026" : "");
    }
}
