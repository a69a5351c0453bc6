package io.agrisense.edge.sampling;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The compact form in which readings wait in the store-and-forward queue. SenML is produced only when records
 * are sent, so one message can carry many queued records and the payload format can change between runs.
 */
public final class ReadingCodec {

    private static final int VERSION = 1;
    private static final int NUMBER = 0;
    private static final int TEXT = 1;

    private ReadingCodec() {
    }

    public static byte[] encode(List<Reading> readings) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(16 + readings.size() * 40);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            out.writeShort(readings.size());
            for (Reading r : readings) {
                out.writeByte(r.isEvent() ? TEXT : NUMBER);
                out.writeUTF(r.name());
                out.writeUTF(r.unit() == null ? "" : r.unit());
                out.writeLong(r.epochMillis());
                if (r.isEvent()) {
                    out.writeUTF(r.text());
                } else {
                    out.writeDouble(r.value());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** @throws IllegalArgumentException when the bytes are not a record of this codec */
    public static List<Reading> decode(byte[] payload) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload))) {
            int version = in.readUnsignedByte();
            if (version != VERSION) {
                throw new IllegalArgumentException("unknown queue record version " + version);
            }
            int n = in.readUnsignedShort();
            List<Reading> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                int kind = in.readUnsignedByte();
                String name = in.readUTF();
                String unit = in.readUTF();
                long millis = in.readLong();
                if (kind == TEXT) {
                    out.add(new Reading(name, unit.isEmpty() ? null : unit, millis, Double.NaN, in.readUTF()));
                } else if (kind == NUMBER) {
                    out.add(new Reading(name, unit.isEmpty() ? null : unit, millis, in.readDouble(), null));
                } else {
                    throw new IllegalArgumentException("unknown reading kind " + kind);
                }
            }
            return out;
        } catch (IOException e) {
            throw new IllegalArgumentException("truncated queue record: " + e.getMessage(), e);
        }
    }
}
