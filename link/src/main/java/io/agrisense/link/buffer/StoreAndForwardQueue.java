package io.agrisense.link.buffer;

import io.agrisense.link.config.BufferConfig.FsyncPolicy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The disk-backed queue between sampling and the uplink. Records are appended to segment files with a
 * length + CRC-32 frame, handed to the uplink in order from a send cursor, and leave the queue only when
 * acknowledged (PUBACK, CoAP 2.04). After a link drop the uplink {@link #rewind() rewinds} and everything
 * unacknowledged is sent again, in order.
 *
 * <p>Bounded by bytes: an append that would exceed {@code maxBytes} first drops the oldest records and counts
 * them; appending never blocks and never fails for lack of space. Written data reaches the OS on every append
 * (a kill -9 loses nothing); the fsync policy decides when it reaches the storage device. At start a torn or
 * corrupt frame is detected by its CRC and skipped, and everything before (and after) it is kept.
 */
public final class StoreAndForwardQueue implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StoreAndForwardQueue.class);
    static final String HEAD_FILE = "head";

    /** One record to append with the number of readings it carries. */
    public record Entry(byte[] payload, int weight) {
    }

    private final Path dir;
    private final long maxBytes;
    private final long segmentBytes;
    private final FsyncPolicy fsync;
    private final HeadFile headFile;
    private final List<Segment> segments = new ArrayList<>();
    private final TreeSet<Long> ackedAhead = new TreeSet<>();

    private Segment headSegment;
    private long headOffset;
    private long headSeq;
    private Segment cursorSegment;
    private long cursorOffset;
    private long nextSeq;

    private long liveRecords;
    private long liveBytes;
    private long droppedRecords;
    private long droppedReadings;
    private long corruptRegions;
    private long appended;
    private long acked;
    private boolean dataDirty;
    private boolean headDirty;
    private boolean closed;

    private StoreAndForwardQueue(Path dir, long maxBytes, FsyncPolicy fsync, HeadFile headFile) {
        this.dir = dir;
        this.maxBytes = maxBytes;
        this.segmentBytes = Math.max(4096, Math.min(1 << 20, maxBytes / 16));
        this.fsync = fsync;
        this.headFile = headFile;
    }

    /** Opens (or creates) the queue in {@code dir}, recovering what a crash left behind. */
    public static StoreAndForwardQueue open(Path dir, long maxBytes, FsyncPolicy fsync) throws IOException {
        Files.createDirectories(dir);
        StoreAndForwardQueue q = new StoreAndForwardQueue(dir, maxBytes, fsync, HeadFile.open(dir.resolve(HEAD_FILE)));
        q.recover();
        return q;
    }

    private void recover() throws IOException {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "*" + Segment.SUFFIX)) {
            ds.forEach(files::add);
        }
        files.sort(null);
        long storedHead = headFile.read();
        long lastSeq = -1;
        for (Path p : files) {
            Segment s = Segment.open(p);
            Segment.Recovery r = s.recover(lastSeq);
            if (r.corruptRegions() > 0) {
                corruptRegions += r.corruptRegions();
                LOG.warn("Queue segment {}: skipped {} damaged stretch(es) (torn write or corruption); {} valid records kept",
                        p.getFileName(), r.corruptRegions(), r.frames().size());
            }
            if (r.frames().isEmpty() && p != files.get(files.size() - 1)) {
                s.delete();
                continue;
            }
            segments.add(s);
            for (Segment.Found f : r.frames()) {
                lastSeq = f.seq();
                if (f.seq() >= storedHead) {
                    if (headSegment == null) {
                        headSegment = s;
                        headOffset = f.offset();
                        headSeq = f.seq();
                    }
                    liveRecords++;
                    liveBytes += f.frameLength();
                }
            }
        }
        nextSeq = Math.max(lastSeq + 1, storedHead < 0 ? 0 : storedHead);
        if (segments.isEmpty()) {
            segments.add(Segment.create(dir, nextSeq));
        }
        if (headSegment == null) {
            Segment tail = tail();
            headSegment = tail;
            headOffset = tail.size();
            headSeq = nextSeq;
        }
        // Segments wholly before the head hold only acknowledged records.
        while (segments.get(0) != headSegment) {
            segments.remove(0).delete();
        }
        cursorSegment = headSegment;
        cursorOffset = headOffset;
        if (liveRecords > 0) {
            LOG.info("Queue {}: {} unacknowledged records ({} bytes) to replay from seq {}", dir, liveRecords, liveBytes, headSeq);
        }
    }

    public long append(byte[] payload, int weight) {
        return appendAll(List.of(new Entry(payload, weight)));
    }

    /** Appends records in order; returns the sequence number of the last one. Drops the oldest when full. */
    public synchronized long appendAll(List<Entry> entries) {
        checkOpen();
        try {
            long seq = -1;
            for (Entry e : entries) {
                if (e.payload().length > Frame.MAX_PAYLOAD || Frame.HEADER + e.payload().length > maxBytes / 2) {
                    throw new IllegalArgumentException("record of " + e.payload().length + " bytes is too large for a queue of "
                            + maxBytes + " bytes");
                }
                seq = nextSeq++;
                var frame = Frame.encode(seq, e.weight(), e.payload());
                makeRoom(frame.remaining());
                Segment tail = tail();
                if (tail.size() > 0 && tail.size() + frame.remaining() > segmentBytes) {
                    tail = Segment.create(dir, seq);
                    segments.add(tail);
                }
                tail.append(frame);
                liveRecords++;
                liveBytes += Frame.HEADER + e.payload().length;
                appended++;
                if (fsync == FsyncPolicy.ALWAYS) {
                    tail.force();
                } else {
                    dataDirty = true;
                }
            }
            if (fsync == FsyncPolicy.BATCH) {
                forceDirty();
            }
            notifyAll();
            return seq;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to the queue in " + dir, e);
        }
    }

    private void makeRoom(int frameLength) throws IOException {
        boolean dropped = false;
        while (liveRecords > 0 && liveBytes + frameLength > maxBytes) {
            Frame.Header h = headSegment.header(headOffset);
            droppedRecords++;
            droppedReadings += h.weight();
            ackedAhead.remove(h.seq());
            passHead(h);
            dropped = true;
        }
        if (dropped) {
            writeHead();
        }
    }

    /**
     * The next records after the send cursor, at most {@code maxRecords} and (except for the first) at most
     * {@code maxReadings} readings in total; advances the cursor. Empty when everything has been handed out.
     */
    public synchronized List<QueuedRecord> next(int maxRecords, int maxReadings) {
        checkOpen();
        List<QueuedRecord> out = new ArrayList<>();
        try {
            int readings = 0;
            while (out.size() < maxRecords) {
                if (!normaliseCursor()) {
                    break;
                }
                Frame.Header h = cursorSegment.header(cursorOffset);
                if (!out.isEmpty() && readings + h.weight() > maxReadings) {
                    break;
                }
                out.add(new QueuedRecord(h.seq(), h.weight(), cursorSegment.payload(cursorOffset, h)));
                readings += h.weight();
                cursorOffset += h.frameLength();
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the queue in " + dir, e);
        }
    }

    /** Moves the cursor onto a readable frame; false when there is none. */
    private boolean normaliseCursor() {
        if (segments.indexOf(cursorSegment) < 0 || before(cursorSegment, cursorOffset, headSegment, headOffset)) {
            cursorSegment = headSegment;
            cursorOffset = headOffset;
        }
        while (cursorOffset >= cursorSegment.size()) {
            int i = segments.indexOf(cursorSegment);
            if (i == segments.size() - 1) {
                return false;
            }
            cursorSegment = segments.get(i + 1);
            cursorOffset = 0;
        }
        return true;
    }

    private boolean before(Segment a, long aOffset, Segment b, long bOffset) {
        return a.firstSeq < b.firstSeq || (a == b && aOffset < bOffset);
    }

    /** Whether records wait after the send cursor. */
    public synchronized boolean hasUnsent() {
        return !closed && normaliseCursor();
    }

    /** Waits until a record waits after the send cursor, or the timeout passes. */
    public synchronized boolean awaitUnsent(long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (!hasUnsent()) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0 || closed) {
                return false;
            }
            wait(left);
        }
        return true;
    }

    /** Sends everything unacknowledged again from the oldest: called after the link was re-established. */
    public synchronized void rewind() {
        cursorSegment = headSegment;
        cursorOffset = headOffset;
        notifyAll();
    }

    /** Removes acknowledged records; they leave the queue once every older record has left too. */
    public synchronized void ack(Collection<Long> seqs) {
        if (closed) {
            return;
        }
        for (long s : seqs) {
            if (s >= headSeq && s < nextSeq) {
                ackedAhead.add(s);
            }
        }
        try {
            boolean moved = false;
            while (liveRecords > 0 && ackedAhead.remove(headSeq)) {
                passHead(headSegment.header(headOffset));
                acked++;
                moved = true;
            }
            if (moved) {
                writeHead();
                if (fsync == FsyncPolicy.ALWAYS) {
                    headFile.force();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot update the queue head in " + dir, e);
        }
    }

    /** Moves the head past the frame at the head. */
    private void passHead(Frame.Header h) throws IOException {
        liveRecords--;
        liveBytes -= h.frameLength();
        headOffset += h.frameLength();
        while (headOffset >= headSegment.size() && headSegment != tail()) {
            Segment done = segments.remove(0);
            headSegment = segments.get(0);
            headOffset = 0;
            done.delete();
        }
        headSeq = headOffset < headSegment.size() ? headSegment.header(headOffset).seq() : nextSeq;
        ackedAhead.headSet(headSeq).clear();
    }

    private void writeHead() throws IOException {
        headFile.write(headSeq);
        headDirty = true;
    }

    /** Forces written records and the head to the storage device (the {@code interval} policy's timer calls this). */
    public synchronized void sync() {
        if (closed) {
            return;
        }
        try {
            forceDirty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot sync the queue in " + dir, e);
        }
    }

    private void forceDirty() throws IOException {
        if (dataDirty) {
            tail().force();
            dataDirty = false;
        }
        if (headDirty) {
            headFile.force();
            headDirty = false;
        }
    }

    public synchronized QueueStats stats() {
        return new QueueStats(liveRecords, liveBytes, droppedRecords, droppedReadings, corruptRegions, appended, acked);
    }

    public Path dir() {
        return dir;
    }

    public long maxBytes() {
        return maxBytes;
    }

    private Segment tail() {
        return segments.get(segments.size() - 1);
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("the queue in " + dir + " is closed");
        }
    }

    /** Forces everything to disk and closes the files. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        try {
            dataDirty = true;
            headDirty = true;
            forceDirty();
            headFile.close();
        } catch (IOException e) {
            LOG.warn("Queue {} did not close cleanly: {}", dir, e.getMessage());
        }
        segments.forEach(Segment::close);
        closed = true;
        notifyAll();
    }
}
