package io.agrisense.platform.testing;

import io.agrisense.protocol.StationId;
import io.agrisense.protocol.senml.Senml;
import io.agrisense.protocol.senml.SenmlFormat;
import io.agrisense.protocol.senml.SenmlPackBuilder;
import java.time.Instant;

/** Readings sent over the HTTP ingest (answered after commit), as a station would send them. */
public final class Stations {

    private Stations() {
    }

    /** Air temperature and humidity in one pack with one time; fails unless both were stored. */
    public static void sendClimate(Http http, String station, Instant time, double celsius, double humidity) {
        byte[] pack = Senml.encode(SenmlPackBuilder.forStation(StationId.of(station))
                .add("air_temperature", "Cel", time.toEpochMilli() / 1000.0, celsius)
                .add("relative_humidity", "%RH", time.toEpochMilli() / 1000.0, humidity).build(), SenmlFormat.JSON);
        Http.Reply r = http.post("/api/v1/stations/" + station + "/telemetry", "application/senml+json", pack);
        if (r.status() != 200 || r.json().getInteger("stored") != 2) {
            throw new AssertionError("readings not stored: " + r.status() + " " + r.body());
        }
    }

    /** One reading; fails unless it was stored. */
    public static void send(Http http, String station, String metric, String unit, Instant time, double value) {
        byte[] pack = Senml.encode(SenmlPackBuilder.forStation(StationId.of(station))
                .add(metric, unit, time.toEpochMilli() / 1000.0, value).build(), SenmlFormat.JSON);
        Http.Reply r = http.post("/api/v1/stations/" + station + "/telemetry", "application/senml+json", pack);
        if (r.status() != 200 || r.json().getInteger("stored") != 1) {
            throw new AssertionError("reading not stored: " + r.status() + " " + r.body());
        }
    }
}
