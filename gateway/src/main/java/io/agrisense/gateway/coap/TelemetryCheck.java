package io.agrisense.gateway.coap;

import io.agrisense.protocol.CoapPaths;
import io.agrisense.protocol.StationId;
import io.agrisense.protocol.senml.ResolvedRecord;
import io.agrisense.protocol.senml.Senml;
import io.agrisense.protocol.senml.SenmlException;
import io.agrisense.protocol.senml.SenmlFormat;
import io.agrisense.protocol.senml.SenmlRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;

/**
 * The checks a posted pack passes before the gateway takes it (docs/architecture.md, "CoAP"): the path names a station, the
 * content-format is SenML JSON (110) or CBOR (112), the body fits, the pack decodes and resolves (RFC 8428), and every
 * record belongs to the station of the path. Values are not range-checked here: the platform stores an implausible
 * reading as rejected with its reason, where operators see it. Pure: no I/O.
 */
public final class TelemetryCheck {

    /** What to do with a post. */
    public sealed interface Verdict permits Accept, Refuse {
    }

    /** Take {@code payload} (what will be forwarded) for {@code station}; it carries {@code readings} records. */
    public record Accept(StationId station, byte[] payload, int readings, boolean anchored) implements Verdict {
    }

    /** Answer {@code code} with {@code reason} as the diagnostic payload. */
    public record Refuse(ResponseCode code, String reason) implements Verdict {
    }

    private TelemetryCheck() {
    }

    public static Verdict check(List<String> path, int contentFormat, byte[] payload, int maxBodyBytes, double nowSeconds) {
        Optional<StationId> station = CoapPaths.parseTelemetry(path);
        if (station.isEmpty()) {
            return new Refuse(ResponseCode.BAD_REQUEST, path.size() == 2 && CoapPaths.TELEMETRY.equals(path.get(0))
                    ? "station id '" + path.get(1) + "' must be 1-64 characters of A-Z a-z 0-9 _ -"
                    : "POST to /telemetry/<station id>");
        }
        SenmlFormat format = contentFormat == SenmlFormat.JSON.coapContentFormat() ? SenmlFormat.JSON
                : contentFormat == SenmlFormat.CBOR.coapContentFormat() ? SenmlFormat.CBOR : null;
        if (format == null) {
            return new Refuse(ResponseCode.UNSUPPORTED_CONTENT_FORMAT, "content-format " + contentFormat
                    + " is not supported: use 110 (application/senml+json) or 112 (application/senml+cbor)");
        }
        if (payload.length > maxBodyBytes) {
            return new Refuse(ResponseCode.REQUEST_ENTITY_TOO_LARGE,
                    "payload of " + payload.length + " bytes is larger than the limit of " + maxBodyBytes + " bytes");
        }
        if (payload.length == 0) {
            return new Refuse(ResponseCode.BAD_REQUEST, "malformed SenML pack: the payload is empty");
        }
        List<SenmlRecord> pack;
        List<ResolvedRecord> records;
        List<ResolvedRecord> later;
        try {
            if (Senml.detect(payload) != format) {
                return new Refuse(ResponseCode.BAD_REQUEST, "content-format " + contentFormat + " says "
                        + format.mediaType() + " but the payload is " + Senml.detect(payload).mediaType());
            }
            pack = Senml.decode(payload, format);
            records = Senml.resolve(pack, nowSeconds);
            later = Senml.resolve(pack, nowSeconds + 1);
        } catch (SenmlException e) {
            return new Refuse(ResponseCode.BAD_REQUEST, "malformed SenML pack: " + e.getMessage());
        }
        if (records.isEmpty()) {
            return new Refuse(ResponseCode.BAD_REQUEST, "malformed SenML pack: it holds no records");
        }
        for (int i = 0; i < records.size(); i++) {
            String problem = stationProblem(records.get(i).name(), station.get());
            if (problem != null) {
                return new Refuse(ResponseCode.BAD_REQUEST, "record " + i + ": " + problem);
            }
        }
        if (hasRelativeTimes(records, later)) {
            // A relative time means "when received" (RFC 8428 §4.5.3); forwarded later it would mean the forwarding time.
            return new Accept(station.get(), Senml.encode(absolute(records), format), records.size(), true);
        }
        return new Accept(station.get(), payload, records.size(), false);
    }

    static String stationProblem(String resolvedName, StationId station) {
        StationId.StationMetric name;
        try {
            name = StationId.splitResolvedName(resolvedName);
        } catch (IllegalArgumentException e) {
            return "bad record name: " + e.getMessage() + " (expected base name " + station.baseName() + ")";
        }
        if (!name.station().equals(station)) {
            return "names station '" + name.station() + "' but was posted to " + CoapPaths.telemetry(station);
        }
        return null;
    }

    /** Times that moved when "now" moved were relative to the time of receipt. */
    static boolean hasRelativeTimes(List<ResolvedRecord> atNow, List<ResolvedRecord> aSecondLater) {
        for (int i = 0; i < atNow.size(); i++) {
            if (atNow.get(i).time() != aSecondLater.get(i).time()) {
                return true;
            }
        }
        return false;
    }

    /** The resolved records as a pack with full names and absolute times, the same readings in the same order. */
    static List<SenmlRecord> absolute(List<ResolvedRecord> records) {
        List<SenmlRecord> out = new ArrayList<>(records.size());
        for (ResolvedRecord r : records) {
            out.add(new SenmlRecord(null, null, null, null, null, null, r.name(), r.unit(), r.value(), r.stringValue(),
                    r.booleanValue(), r.dataValue(), r.sum(), r.time(), r.updateTime()));
        }
        return out;
    }
}
