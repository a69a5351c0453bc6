package io.agrisense.edge.sampling;

import java.time.Duration;

/** A sensor as the status command and the health report see it. */
public record SensorStatus(String name, String type, Duration interval, long reads, long errors,
                           int consecutiveFailures, String lastError) {
}
