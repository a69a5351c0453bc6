package io.agrisense.edge.uplink;

import io.agrisense.edge.sampling.Reading;
import io.agrisense.protocol.StationId;
import io.agrisense.protocol.senml.Senml;
import io.agrisense.protocol.senml.SenmlFormat;
import io.agrisense.protocol.senml.SenmlPackBuilder;
import io.agrisense.protocol.senml.SenmlRecord;
import java.util.List;

/**
 * Turns readings into one SenML pack (RFC 8428): base name {@code urn:dev:agri:<id>:} and a base time on the first
 * record, every time relative to it with millisecond resolution; events become {@code vs} records.
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
        SenmlPackBuilder pack = SenmlPackBuilder.forStation(station);
        for (Reading r : readings) {
            double seconds = r.epochMillis() / 1000.0;
            if (r.isEvent()) {
                pack.addString(r.name(), seconds, r.text());
            } else {
                pack.add(r.name(), r.unit(), seconds, r.value());
            }
        }
        return pack.build();
    }
}
