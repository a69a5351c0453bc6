package io.agrisense.gateway.forward;

import io.agrisense.protocol.StationId;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A pack waiting in the gateway's queue: the station it came from and the bytes to publish on
 * {@code agri/v1/<station>/telemetry}. Stored as one byte of id length, the id (ASCII), then the payload.
 */
public record ForwardRecord(StationId station, byte[] payload) {

    public byte[] encode() {
        byte[] id = station.value().getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[1 + id.length + payload.length];
        out[0] = (byte) id.length;
        System.arraycopy(id, 0, out, 1, id.length);
        System.arraycopy(payload, 0, out, 1 + id.length, payload.length);
        return out;
    }

    /** @throws IllegalArgumentException when the bytes are not a record of this format */
    public static ForwardRecord decode(byte[] bytes) {
        if (bytes.length < 2) {
            throw new IllegalArgumentException("record of " + bytes.length + " bytes is too short");
        }
        int n = bytes[0] & 0xff;
        if (n < 1 || bytes.length < 1 + n) {
            throw new IllegalArgumentException("station id length " + n + " does not fit a record of " + bytes.length + " bytes");
        }
        String id = new String(bytes, 1, n, StandardCharsets.US_ASCII);
        if (!StationId.isValid(id)) {
            throw new IllegalArgumentException("'" + id + "' is not a station id");
        }
        return new ForwardRecord(new StationId(id), Arrays.copyOfRange(bytes, 1 + n, bytes.length));
    }
}
