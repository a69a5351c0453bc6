package io.agrisense.edge.uplink;

import io.agrisense.edge.sampling.Reading;
import io.agrisense.protocol.StationId;
import io.agrisense.protocol.senml.Senml;
import io.agrisense.protocol.senml.SenmlFormat;
import io.agrisense.protocol.senml.SenmlRecord;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns readings into one SenML pack (RFC 8428): base name {@code urn:dev:agri:<id>:} and base time on the first
 * record, times of the others relative to it, in seconds with millisecond resolution.
 */
public final class SenmlPacker {

    private final StationId station;
    private final SenmlFormat format;

    public SenmlPacker(StationId station, SenmlFormat format) {
        this.station = station;
        this.format = format;
    }

    public SenmlFormat format() {
        return format;
    }

    public byte[] pack(List<Reading> readings) {
        return Senml.encode(records(readings), format);
    }

    List<SenmlRecord> records(List<Reading> readings) {
        if (readings.isEmpty()) {
            throw new IllegalArgumentException("an empty pack");
        }
        long baseMillis = readings.get(0).epochMillis();
        List<SenmlRecord> pack = new ArrayList<>(readings.size());
        for (int i = 0; i < readings.size(); i++) {
            Reading r = readings.get(i);
            double t = (r.epochMillis() - baseMillis) / 1000.0;
            Double time = i == 0 ? null : t;
            SenmlRecord rec = r.isEvent()
                    ? new SenmlRecord(null, null, null, null, null, null, r.name(), null, null, r.text(), null, null, null, time, null)
                    : SenmlRecord.measurement(r.name(), r.unit(), r.value(), time);
            if (i == 0) {
                rec = rec.withBase(station.baseName(), baseMillis / 1000.0);
            }
            pack.add(rec);
        }
        return pack;
    }
}
