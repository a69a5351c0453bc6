package io.agrisense.platform.store;

import java.time.Instant;
import java.util.List;

/**
 * What one incoming message (an MQTT publish, an HTTP or CoAP request, a batch of derived readings) contributes
 * to a transaction: its validated readings and events, and its rejections. {@code station} is null when the
 * message could not be attributed to a valid station.
 */
public record MessageRows(String source, Instant receivedAt, String station, String payloadExcerpt,
                          List<Reading> readings, List<StationEvent> events, List<Rejection> rejections) {

    public MessageRows {
        readings = List.copyOf(readings);
        events = List.copyOf(events);
        rejections = List.copyOf(rejections);
    }

    public static MessageRows rejected(String source, Instant receivedAt, String station, String excerpt, Rejection rejection) {
        return new MessageRows(source, receivedAt, station, excerpt, List.of(), List.of(), List.of(rejection));
    }

    /** Rows this message adds, for sizing batches. */
    public int size() {
        return readings.size() + events.size() + rejections.size();
    }
}
