package io.agrisense.edge.uplink;

import io.agrisense.edge.sampling.Reading;
import io.agrisense.edge.sampling.ReadingCodec;
import io.agrisense.link.uplink.UplinkMessage;
import io.agrisense.link.uplink.UplinkMessages;
import io.agrisense.protocol.StationId;
import io.agrisense.protocol.Topics;
import io.agrisense.protocol.senml.Senml;
import io.agrisense.protocol.senml.SenmlFormat;
import io.agrisense.protocol.senml.SenmlPackBuilder;
import io.agrisense.protocol.senml.SenmlRecord;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns readings into one SenML pack (RFC 8428): base name {@code urn:dev:agri:<id>:} and a base time on the first
 * record, every time relative to it with millisecond resolution; events become {@code vs} records. As the uplink
 * pump's {@link UplinkMessages}, several queue records of readings become one pack on the station's telemetry topic.
 */
public final class SenmlPacker implements UplinkMessages<List<Reading>> {

    private final StationId station;
    private final SenmlFormat format;

    public SenmlPacker(StationId station, SenmlFormat format) {
        this.station = station;
        this.format = format;
    }

    public SenmlFormat format() {
        return format;
    }

    /** One queue record ({@link ReadingCodec}). */
    @Override
    public List<Reading> read(byte[] record) {
        return ReadingCodec.decode(record);
    }

    @Override
    public UplinkMessage message(List<List<Reading>> records) {
        List<Reading> readings = new ArrayList<>();
        records.forEach(readings::addAll);
        return new UplinkMessage(Topics.telemetry(station), pack(readings), format);
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
