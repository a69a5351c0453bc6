package io.agrisense.gateway.coap;

import io.agrisense.protocol.CoapPaths;
import io.agrisense.protocol.StationId;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.californium.core.CoapResource;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.server.resources.CoapExchange;
import org.eclipse.californium.core.server.resources.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /telemetry/<id>}: access rules, then {@link TelemetryCheck}, then the pack is handed to the
 * {@link PackSink} (the disk queue) and only after that returns is 2.04 Changed sent. Every child path is served here.
 */
final class TelemetryResource extends CoapResource {

    private static final Logger LOG = LoggerFactory.getLogger(TelemetryResource.class);

    private final PackSink sink;
    private final StationAccess access;
    private final int maxBodyBytes;
    private final Clock clock;
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();

    TelemetryResource(PackSink sink, StationAccess access, int maxBodyBytes, Clock clock) {
        super(CoapPaths.TELEMETRY);
        this.sink = sink;
        this.access = access;
        this.maxBodyBytes = maxBodyBytes;
        this.clock = clock;
        getAttributes().setTitle("SenML telemetry: POST /telemetry/<station id>");
    }

    @Override
    public Resource getChild(String name) {
        return this;
    }

    @Override
    public void handlePOST(CoapExchange exchange) {
        List<String> path = exchange.getRequestOptions().getUriPath();
        Optional<StationId> station = CoapPaths.parseTelemetry(path);
        if (station.isPresent()) {
            TelemetryCheck.Refuse denied = access.check(
                    exchange.advanced().getRequest().getSourceContext().getPeerIdentity(), station.get().value());
            if (denied != null) {
                refuse(exchange, denied);
                return;
            }
        }
        TelemetryCheck.Verdict verdict = TelemetryCheck.check(path, exchange.getRequestOptions().getContentFormat(),
                exchange.getRequestPayload(), maxBodyBytes, clock.millis() / 1000.0);
        if (verdict instanceof TelemetryCheck.Refuse r) {
            refuse(exchange, r);
            return;
        }
        TelemetryCheck.Accept a = (TelemetryCheck.Accept) verdict;
        try {
            sink.accept(a.station(), a.payload(), a.readings());
        } catch (RuntimeException e) {
            LOG.error("Pack from {} not queued: {}", a.station(), e.toString());
            exchange.respond(ResponseCode.SERVICE_UNAVAILABLE, "not stored: " + e.getMessage() + "; retrying is safe");
            return;
        }
        accepted.incrementAndGet();
        exchange.respond(ResponseCode.CHANGED);
    }

    private void refuse(CoapExchange exchange, TelemetryCheck.Refuse r) {
        refused.incrementAndGet();
        LOG.info("Refused {} from {}: {} {}", exchange.getRequestOptions().getUriPathString(),
                exchange.getSourceSocketAddress(), r.code(), r.reason());
        exchange.respond(r.code(), r.reason());
    }

    long accepted() {
        return accepted.get();
    }

    long refused() {
        return refused.get();
    }

    /** Where accepted packs go: must hold the pack durably when it returns, or throw. */
    @FunctionalInterface
    public interface PackSink {
        void accept(StationId station, byte[] payload, int readings);
    }
}
