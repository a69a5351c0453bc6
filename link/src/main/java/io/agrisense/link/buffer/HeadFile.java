package io.agrisense.link.buffer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32;

/**
 * The sequence number of the oldest record not yet acknowledged. Two 16-byte slots written in turn, each with
 * its own CRC, so a write torn by a power cut leaves the other slot intact (at worst a few acknowledged
 * records are sent again, which the platform's idempotent store absorbs).
 */
final class HeadFile implements AutoCloseable {

    private static final int SLOT = 16;
    private final FileChannel channel;
    private long writes;

    private HeadFile(FileChannel channel) {
        this.channel = channel;
    }

    static HeadFile open(Path file) throws IOException {
        return new HeadFile(FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE));
    }

    /** The stored head, or -1 when neither slot is valid (a new queue). */
    long read() throws IOException {
        long best = -1;
        for (int slot = 0; slot < 2; slot++) {
            ByteBuffer b = ByteBuffer.allocate(SLOT);
            int n = channel.read(b, (long) slot * SLOT);
            if (n < SLOT) {
                continue;
            }
            b.flip();
            long seq = b.getLong();
            int crc = b.getInt();
            if (crc == crcOf(seq) && seq > best) {
                best = seq;
            }
        }
        return best;
    }

    void write(long seq) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(SLOT).putLong(seq).putInt(crcOf(seq)).putInt(0);
        b.flip();
        long pos = (writes++ % 2) * SLOT;
        while (b.hasRemaining()) {
            pos += channel.write(b, pos);
        }
    }

    void force() throws IOException {
        channel.force(false);
    }

    private static int crcOf(long seq) {
        CRC32 crc = new CRC32();
        crc.update(ByteBuffer.allocate(8).putLong(seq).array());
        return (int) crc.getValue();
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
