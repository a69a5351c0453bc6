package io.agrisense.link.buffer;

import java.nio.ByteBuffer;
import java.util.zip.CRC32;

/**
 * The on-disk framing of one record: {@code magic(1) length(4) seq(8) weight(4) crc32(4) payload(length)}.
 * The CRC-32 covers length, seq, weight and payload, so a torn write or flipped bit anywhere is detected.
 */
final class Frame {

    static final byte MAGIC = (byte) 0xA7;
    static final int HEADER = 21;
    static final int MAX_PAYLOAD = 1 << 20;

    private Frame() {
    }

    static ByteBuffer encode(long seq, int weight, byte[] payload) {
        ByteBuffer b = ByteBuffer.allocate(HEADER + payload.length);
        b.put(MAGIC).putInt(payload.length).putLong(seq).putInt(weight).putInt(crc(payload.length, seq, weight, payload, 0));
        b.put(payload).flip();
        return b;
    }

    static int crc(int length, long seq, int weight, byte[] payload, int payloadOffset) {
        CRC32 crc = new CRC32();
        ByteBuffer h = ByteBuffer.allocate(16).putInt(length).putLong(seq).putInt(weight);
        crc.update(h.array(), 0, 16);
        crc.update(payload, payloadOffset, length);
        return (int) crc.getValue();
    }

    /** A header read from disk; {@code plausible()} says whether it is worth checking the CRC. */
    record Header(byte magic, int length, long seq, int weight, int crc) {

        static Header read(ByteBuffer b) {
            return new Header(b.get(), b.getInt(), b.getLong(), b.getInt(), b.getInt());
        }

        boolean plausible() {
            return magic == MAGIC && length >= 0 && length <= MAX_PAYLOAD && seq >= 0 && weight >= 0;
        }

        int frameLength() {
            return HEADER + length;
        }
    }
}
