package io.agrisense.link.buffer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** One segment file of the queue, named after the sequence number of its first record. */
final class Segment {

    static final String SUFFIX = ".seg";

    final long firstSeq;
    final Path path;
    private FileChannel channel;
    private long size;

    private Segment(long firstSeq, Path path, FileChannel channel, long size) {
        this.firstSeq = firstSeq;
        this.path = path;
        this.channel = channel;
        this.size = size;
    }

    static Path pathFor(Path dir, long firstSeq) {
        return dir.resolve(String.format(Locale.ROOT, "%020d", firstSeq) + SUFFIX);
    }

    static Segment create(Path dir, long firstSeq) throws IOException {
        Path p = pathFor(dir, firstSeq);
        FileChannel ch = FileChannel.open(p, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        return new Segment(firstSeq, p, ch, ch.size());
    }

    static Segment open(Path p) throws IOException {
        String name = p.getFileName().toString();
        long first = Long.parseLong(name.substring(0, name.length() - SUFFIX.length()));
        FileChannel ch = FileChannel.open(p, StandardOpenOption.READ, StandardOpenOption.WRITE);
        return new Segment(first, p, ch, ch.size());
    }

    long size() {
        return size;
    }

    void append(ByteBuffer frame) throws IOException {
        long pos = size;
        while (frame.hasRemaining()) {
            pos += channel.write(frame, pos);
        }
        size = pos;
    }

    void force() throws IOException {
        channel.force(false);
    }

    Frame.Header header(long offset) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(Frame.HEADER);
        readFully(b, offset);
        b.flip();
        return Frame.Header.read(b);
    }

    byte[] payload(long offset, Frame.Header h) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(h.length());
        readFully(b, offset + Frame.HEADER);
        return b.array();
    }

    private void readFully(ByteBuffer b, long offset) throws IOException {
        long pos = offset;
        while (b.hasRemaining()) {
            int n = channel.read(b, pos);
            if (n < 0) {
                throw new IOException(path + ": unexpected end of segment at " + pos);
            }
            pos += n;
        }
    }

    void close() {
        try {
            channel.close();
        } catch (IOException ignored) {
            // closing a file we only read or already forced; nothing to recover
        }
    }

    void delete() throws IOException {
        close();
        Files.deleteIfExists(path);
    }

    /** A valid frame found by {@link #recover}. */
    record Found(long offset, long seq, int weight, int frameLength) {
    }

    /** What {@link #recover} found: the valid frames in order and how many damaged stretches it skipped. */
    record Recovery(List<Found> frames, int corruptRegions) {
    }

    /**
     * Checks every frame. A damaged stretch in the middle (bit rot) is skipped by searching for the next valid
     * frame and the file is rewritten without it; a torn or damaged tail is cut off. Frames must carry increasing
     * sequence numbers greater than {@code afterSeq}.
     */
    Recovery recover(long afterSeq) throws IOException {
        byte[] all = new byte[(int) size];
        readFully(ByteBuffer.wrap(all), 0);
        List<Found> frames = new ArrayList<>();
        int corrupt = 0;
        long lastSeq = afterSeq;
        int p = 0;
        boolean rewrite = false;
        while (p < all.length) {
            Found f = validAt(all, p, lastSeq);
            if (f == null) {
                int q = p + 1;
                while (q < all.length && validAt(all, q, lastSeq) == null) {
                    q++;
                }
                corrupt++;
                if (q >= all.length) {
                    break;
                }
                rewrite = true;
                p = q;
                continue;
            }
            frames.add(f);
            lastSeq = f.seq();
            p += f.frameLength();
        }
        if (rewrite) {
            frames = rewriteWith(all, frames);
        } else if (p < all.length || corrupt > 0) {
            long end = frames.isEmpty() ? 0 : frames.get(frames.size() - 1).offset() + frames.get(frames.size() - 1).frameLength();
            channel.truncate(end);
            channel.force(true);
            size = end;
        }
        return new Recovery(frames, corrupt);
    }

    private static Found validAt(byte[] all, int p, long lastSeq) {
        if (all.length - p < Frame.HEADER || all[p] != Frame.MAGIC) {
            return null;
        }
        Frame.Header h = Frame.Header.read(ByteBuffer.wrap(all, p, Frame.HEADER));
        if (!h.plausible() || h.seq() <= lastSeq || (long) p + h.frameLength() > all.length) {
            return null;
        }
        if (Frame.crc(h.length(), h.seq(), h.weight(), all, p + Frame.HEADER) != h.crc()) {
            return null;
        }
        return new Found(p, h.seq(), h.weight(), h.frameLength());
    }

    private List<Found> rewriteWith(byte[] all, List<Found> frames) throws IOException {
        Path tmp = path.resolveSibling(path.getFileName() + ".repair");
        List<Found> moved = new ArrayList<>();
        try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE)) {
            long pos = 0;
            for (Found f : frames) {
                ByteBuffer b = ByteBuffer.wrap(all, (int) f.offset(), f.frameLength());
                moved.add(new Found(pos, f.seq(), f.weight(), f.frameLength()));
                while (b.hasRemaining()) {
                    pos += out.write(b, pos);
                }
            }
            out.force(true);
        }
        channel.close();
        Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        channel = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE);
        size = channel.size();
        return moved;
    }
}
