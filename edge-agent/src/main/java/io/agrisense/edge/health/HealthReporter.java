package io.agrisense.edge.health;

import io.agrisense.edge.sampling.Reading;
import io.agrisense.edge.sampling.TimestampGuard;
import io.agrisense.link.buffer.QueueStats;
import io.agrisense.protocol.MetricCatalogue;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The agent's own health as readings, sent upstream like any sensor's (every minute by default): queue depth
 * and bytes, readings dropped because the queue was full (including those the receiver rejected as bad input),
 * failed sensor reads, SoC temperature where readable, and uptime.
 */
public final class HealthReporter {

    private final Clock clock;
    private final TimestampGuard guard;
    private final Supplier<QueueStats> queue;
    private final LongSupplier sensorErrors;
    private final LongSupplier rejectedReadings;
    private final Optional<Path> thermalZone;
    private final long startNanos = System.nanoTime();

    public HealthReporter(Clock clock, TimestampGuard guard, Supplier<QueueStats> queue, LongSupplier sensorErrors,
                          LongSupplier rejectedReadings, Optional<Path> thermalZone) {
        this.clock = clock;
        this.guard = guard;
        this.queue = queue;
        this.sensorErrors = sensorErrors;
        this.rejectedReadings = rejectedReadings;
        this.thermalZone = thermalZone;
    }

    public List<Reading> report() {
        long now = clock.millis();
        QueueStats q = queue.get();
        List<Reading> out = new ArrayList<>(6);
        add(out, MetricCatalogue.AGENT_QUEUE_RECORDS, now, q.records());
        add(out, MetricCatalogue.AGENT_QUEUE_BYTES, now, q.bytes());
        add(out, MetricCatalogue.AGENT_DROPPED_READINGS, now, q.droppedReadings() + rejectedReadings.getAsLong());
        add(out, MetricCatalogue.AGENT_SENSOR_ERRORS, now, sensorErrors.getAsLong());
        OptionalDouble cpu = cpuTemperature();
        if (cpu.isPresent()) {
            add(out, MetricCatalogue.CPU_TEMPERATURE, now, cpu.getAsDouble());
        }
        add(out, MetricCatalogue.AGENT_UPTIME, now, Math.floor((System.nanoTime() - startNanos) / 1e9));
        return out;
    }

    private void add(List<Reading> out, String metric, long now, double value) {
        out.add(Reading.measurement(metric, MetricCatalogue.require(metric).unit(), guard.stamp(metric, now), value));
    }

    /** The Linux thermal zone reports millidegrees Celsius, e.g. {@code 48312}. */
    OptionalDouble cpuTemperature() {
        if (thermalZone.isEmpty()) {
            return OptionalDouble.empty();
        }
        try {
            String text = Files.readString(thermalZone.get(), StandardCharsets.US_ASCII).trim();
            return OptionalDouble.of(Long.parseLong(text) / 1000.0);
        } catch (IOException | NumberFormatException e) {
            return OptionalDouble.empty();
        }
    }
}
