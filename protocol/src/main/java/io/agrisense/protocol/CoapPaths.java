package io.agrisense.protocol;

import java.util.List;
import java.util.Optional;

/** CoAP resource paths of the contract (docs/architecture.md, "CoAP"). */
public final class CoapPaths {

    public static final String TELEMETRY = "telemetry";
    /** CoAP content-format numbers registered for SenML (RFC 8428 §12.3). */
    public static final int CONTENT_FORMAT_SENML_JSON = 110;
    public static final int CONTENT_FORMAT_SENML_CBOR = 112;
    public static final int DEFAULT_PORT = 5683;
    public static final int DEFAULT_DTLS_PORT = 5684;

    private CoapPaths() {
    }

    /** {@code /telemetry/<id>} */
    public static String telemetry(StationId id) {
        return "/" + TELEMETRY + "/" + id.value();
    }

    /** The station of a telemetry path given as its segments, e.g. {@code ["telemetry", "st-1"]}. */
    public static Optional<StationId> parseTelemetry(List<String> segments) {
        if (segments.size() == 2 && TELEMETRY.equals(segments.get(0)) && StationId.isValid(segments.get(1))) {
            return Optional.of(new StationId(segments.get(1)));
        }
        return Optional.empty();
    }
}
