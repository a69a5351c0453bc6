package io.agrisense.gateway.health;

import io.agrisense.link.buffer.QueueStats;
import io.agrisense.protocol.MetricCatalogue;
import io.agrisense.protocol.StationId;
import io.agrisense.protocol.senml.Senml;
import io.agrisense.protocol.senml.SenmlFormat;
import io.agrisense.protocol.senml.SenmlPackBuilder;

/**
 * The gateway's own health as a SenML pack of its id, forwarded like a station's: queue depth and bytes, readings
 * dropped because the queue was full (plus packs the broker refused), and uptime. The catalogue's agent health
 * metrics are used so the platform stores them like any station's.
 */
public final class GatewayHealth {

    private final StationId gateway;
    private final long startNanos = System.nanoTime();

    public GatewayHealth(StationId gateway) {
        this.gateway = gateway;
    }

    /** A pack stamped {@code epochMillis}; {@code refusedByBroker} counts packs dropped after a broker refusal. */
    public byte[] pack(long epochMillis, QueueStats queue, long refusedByBroker) {
        double t = epochMillis / 1000.0;
        SenmlPackBuilder b = SenmlPackBuilder.forStation(gateway);
        add(b, MetricCatalogue.AGENT_QUEUE_RECORDS, t, queue.records());
        add(b, MetricCatalogue.AGENT_QUEUE_BYTES, t, queue.bytes());
        add(b, MetricCatalogue.AGENT_DROPPED_READINGS, t, queue.droppedReadings() + refusedByBroker);
        add(b, MetricCatalogue.AGENT_UPTIME, t, Math.floor((System.nanoTime() - startNanos) / 1e9));
        return Senml.encode(b.build(), SenmlFormat.JSON);
    }

    /** How many readings {@link #pack} carries. */
    public static int readings() {
        return 4;
    }

    private static void add(SenmlPackBuilder b, String metric, double t, double value) {
        b.add(metric, MetricCatalogue.require(metric).unit(), t, value);
    }
}
