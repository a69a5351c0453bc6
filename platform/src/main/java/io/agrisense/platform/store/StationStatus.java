package io.agrisense.platform.store;

import java.time.Instant;

/** A station's retained status message ({@code agri/v1/<id>/status}) as stored in {@code stations}. */
public record StationStatus(String station, boolean online, Instant time, String profile, String name,
                            String version, String json) {
}
