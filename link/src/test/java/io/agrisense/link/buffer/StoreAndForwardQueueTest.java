package io.agrisense.link.buffer;

import static org.assertj.core.api.Assertions.assertThat;

import io.agrisense.link.config.BufferConfig.FsyncPolicy;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreAndForwardQueueTest {

    @TempDir
    Path dir;

    private static byte[] payload(int i) {
        return String.format("record-%05d", i).getBytes(StandardCharsets.US_ASCII);
    }

    private static List<String> texts(List<QueuedRecord> records) {
        return records.stream().map(r -> new String(r.payload(), StandardCharsets.US_ASCII)).toList();
    }

    private static List<String> expected(int from, int toExclusive) {
        List<String> out = new ArrayList<>();
        for (int i = from; i < toExclusive; i++) {
            out.add(String.format("record-%05d", i));
        }
        return out;
    }

    private static List<Long> seqs(List<QueuedRecord> records) {
        return records.stream().map(QueuedRecord::seq).toList();
    }

    private static List<QueuedRecord> drain(StoreAndForwardQueue q) {
        List<QueuedRecord> all = new ArrayList<>();
        List<QueuedRecord> batch;
        while (!(batch = q.next(7, 1000)).isEmpty()) {
            all.addAll(batch);
        }
        return all;
    }

    @Test
    void replaysUnacknowledgedRecordsInOrderAfterReopen() throws IOException {
        try (StoreAndForwardQueue q = StoreAndForwardQueue.open(dir, 1 << 20, FsyncPolicy.BATCH)) {
            for (int i = 0; i < 100; i++) {
                q.append(payload(i), 2);
            }
            List<QueuedRecord> first = q.next(30, 1000);
            assertThat(texts(first)).isEqualTo(expected(0, 30));
            q.ack(seqs(first));
            assertThat(q.stats().records()).isEqualTo(70);
            assertThat(q.stats().ackedRecords()).isEqualTo(30);
        }
        try (StoreAndForwardQueue q = StoreAndForwardQueue.open(dir, 1 << 20, FsyncPolicy.BATCH)) {
            assertThat(q.stats().records()).isEqualTo(70);
            assertThat(q.stats().bytes()).isEqualTo(70L * (Frame.HEADER + 12));
            List<QueuedRecord> rest = drain(q);
            assertThat(texts(rest)).isEqualTo(expected(30, 100));
            assertThat(rest.get(0).seq()).isEqualTo(30);
            assertThat(rest.get(0).weight()).isEqualTo(2);
            assertThat(q.append(payload(100), 1)).isEqualTo(100);
        }
    }

    @Test
    void rewindSendsEverythingUnacknowledgedAgain() throws IOException {
        try (StoreAndForwardQueue q = StoreAndForwardQueue.open(dir, 1 << 20, FsyncPolicy.INTERVAL)) {
            for (int i = 0; i < 10; i++) {
                q.append(payload(i), 1);
            }
            List<QueuedRecord> sent = q.next(6, 1000);
            q.ack(seqs(sent.subList(0, 3)));
            assertThat(q.hasUnsent()).isTrue();
            q.rewind();
            assertThat(texts(drain(q))).isEqualTo(expected(3, 10));
            assertThat(q.hasUnsent()).isFalse();
        }
    }

    @Test
    void outOfOrderAcknowledgementsRemoveRecordsOnlyOnceOlderOnesAreAcknowledged() throws IOException {
        try (StoreAndForwardQueue q = StoreAndForwardQueue.open(dir, 1 << 20, FsyncPolicy.ALWAYS)) {
            for (int i = 0; i < 6; i++) {
                q.append(payload(i), 1);
            }
            List<QueuedRecord> sent = q.next(6, 1000);
            q.ack(List.of(sent.get(2).seq(), sent.get(3).seq()));
            assertThat(q.stats().records()).isEqualTo(6);
            q.ack(List.of(sent.get(0).seq()));
            assertThat(q.stats().records()).isEqualTo(5);
            q.ack(List.of(sent.get(1).seq()));
            assertThat(q.stats().records()).isEqualTo(2);
            q.rewind();
            assertThat(texts(drain(q))).isEqualTo(expected(4, 6));
        }
    }

    @Test
    void fullQueueDropsTheOldestAndCountsThem() throws IOException {
        int frame = Frame.HEADER + 12;
        long max = 40L * frame;
        try (StoreAndForwardQueue q = StoreAndForwardQueue.open(dir, max, FsyncPolicy.BATCH)) {
            for (int i = 0; i < 100; i++) {
                q.append(payload(i), 3);
            }
            QueueStats s = q.stats();
            assertThat(s.records()).isEqualTo(40);
            assertThat(s.bytes()).isEqualTo(40L * frame);
            assertThat(s.droppedRecords()).isEqualTo(60);
            assertThat(s.droppedReadings()).isEqualTo(180);
            assertThat(s.appendedRecords()).isEqualTo(100);
            assertThat(texts(drain(q))).isEqualTo(expected(60, 100));
        }
        try (StoreAndForwardQueue q = StoreAndForwardQueue.open(dir, max, FsyncPolicy.BATCH)) {
            assertThat(q.stats().records()).isEqualTo(40);
            assertThat(texts(drain(q))).isEqualTo(expected(60, 100));
            assertThat(totalSegmentBytes()).isLessThanOrEqualTo(max + 4096);
        }
    }

    @Test
    void recordsInFlightWhenDroppedAreNotAcknowledgedTwice() throws IOException {
        int frame = Frame.HEADER + 12;
        try (StoreAndForwardQueue q = StoreAndForwardQueue.open(dir, 10L * frame, FsyncPolicy.BATCH)) {
            for (int i = 0; i < 10; i++) {
                q.append(payload(i), 1);
            }
            List<QueuedRecord> inFlight = q.next(5, 1000);
            for (int i = 10; i < 13; i++) {
                q.append(payload(i), 1);
            }
            q.ack(seqs(inFlight));
            assertThat(q.stats().droppedRecords()).isEqualTo(3);
            assertThat(q.stats().ackedRecords()).isEqualTo(2);
            assertThat(q.stats().records()).isEqualTo(8);
            assertThat(texts(drain(q))).isEqualTo(expected(5, 13));
        }
    }

    @Test
    void acknowledgedSegmentsAreDeleted() throws IOException {
        try (StoreAndForwardQueue q = StoreAndForwardQueue.open(dir, 64 * 1024, FsyncPolicy.BATCH)) {
            for (int i = 0; i < 2000; i++) {
                q.append(payload(i), 1);
            }
            assertThat(segmentFiles()).hasSizeGreaterThan(5);
            List<QueuedRecord> all = drain(q);
            q.ack(seqs(all));
            assertThat(q.stats().records()).isZero();
            assertThat(segmentFiles()).hasSize(1);
        }
    }

    @Test
    void tornLastRecordIsSkippedAndEverythingBeforeItReplayed() throws IOException {
        try (StoreAndForwardQueue q = StoreAndForwardQueue.open(dir, 1 << 20, FsyncPolicy.BATCH)) {
            for (int i = 0; i < 10; i++) {
                q.append(payload(i), 1);
            }
        }
        Path seg = segmentFiles().get(0);
        try (RandomAccessFile f = new RandomAccessFile(seg.toFile(), "rw")) {
            f.setLength(f.length() - 5);
        }
        try (StoreAndForwardQueue q = StoreAndForwardQueue.open(dir, 1 << 20, FsyncPolicy.BATCH)) {
            assertThat(q.stats().records()).isEqualTo(9);
            assertThat(q.stats().corruptRegions()).isEqualTo(1);
            assertThat(q.append(payload(99), 1)).isEqualTo(9);
            List<String> replay = texts(drain(q));
            List<String> want = new ArrayList<>(expected(0, 9));
            want.add("record-00099");
            assertThat(replay).isEqualTo(want);
        }
    }

    @Test
    void zeroFilledTailAfterPowerLossIsCutOff() throws IOException {
        try (StoreAndForwardQueue q = StoreAndForwardQueue.open(dir, 1 << 20, FsyncPolicy.BATCH)) {
            for (int i = 0; i < 5; i++) {
                q.append(payload(i), 1);
            }
        }
        Path seg = segmentFiles().get(0);
        long validLength = Files.size(seg);
        Files.write(seg, new byte[100], java.nio.file.StandardOpenOption.APPEND);
        try (StoreAndForwardQueue q = StoreAndForwardQueue.open(dir, 1 << 20, FsyncPolicy.BATCH)) {
            assertThat(q.stats().records()).isEqualTo(5);
            assertThat(q.stats().corruptRegions()).isEqualTo(1);
            assertThat(Files.size(seg)).isEqualTo(validLength);
            assertThat(texts(drain(q))).isEqualTo(expected(0, 5));
        }
    }

    @Test
    void corruptRecordInTheMiddleIsSkippedAndTheRestKept() throws IOException {
        try (StoreAndForwardQueue q = StoreAndForwardQueue.open(dir, 1 << 20, FsyncPolicy.BATCH)) {
            for (int i = 0; i < 10; i++) {
                q.append(payload(i), 1);
            }
        }
        Path seg = segmentFiles().get(0);
        int frame = Frame.HEADER + 12;
        try (RandomAccessFile f = new RandomAccessFile(seg.toFile(), "rw")) {
            long pos = 4L * frame + Frame.HEADER + 3;
            f.seek(pos);
            int b = f.read();
            f.seek(pos);
            f.write(b ^ 0x40);
        }
        try (StoreAndForwardQueue q = StoreAndForwardQueue.open(dir, 1 << 20, FsyncPolicy.BATCH)) {
            assertThat(q.stats().records()).isEqualTo(9);
            assertThat(q.stats().corruptRegions()).isEqualTo(1);
            List<String> want = new ArrayList<>(expected(0, 4));
            want.addAll(expected(5, 10));
            assertThat(texts(drain(q))).isEqualTo(want);
        }
        try (StoreAndForwardQueue q = StoreAndForwardQueue.open(dir, 1 << 20, FsyncPolicy.BATCH)) {
            assertThat(q.stats().corruptRegions()).as("the damaged stretch was removed from the file").isZero();
            assertThat(q.stats().records()).isEqualTo(9);
        }
    }

    @Test
    void tornHeadSlotFallsBackToTheOtherSlot() throws IOException {
        try (StoreAndForwardQueue q = StoreAndForwardQueue.open(dir, 1 << 20, FsyncPolicy.ALWAYS)) {
            for (int i = 0; i < 10; i++) {
                q.append(payload(i), 1);
            }
            q.ack(seqs(q.next(3, 1000)));
            q.ack(seqs(q.next(3, 1000)));
        }
        // Both slots were written (heads 3 and 6); damage the newer one.
        try (RandomAccessFile f = new RandomAccessFile(dir.resolve(StoreAndForwardQueue.HEAD_FILE).toFile(), "rw")) {
            f.seek(16 + 2);
            f.write(0x55);
        }
        try (StoreAndForwardQueue q = StoreAndForwardQueue.open(dir, 1 << 20, FsyncPolicy.ALWAYS)) {
            assertThat(q.stats().records()).isEqualTo(7);
            assertThat(texts(drain(q))).isEqualTo(expected(3, 10));
        }
    }

    @Test
    void batchesRespectTheReadingLimit() throws IOException {
        try (StoreAndForwardQueue q = StoreAndForwardQueue.open(dir, 1 << 20, FsyncPolicy.BATCH)) {
            for (int i = 0; i < 10; i++) {
                q.append(payload(i), 3);
            }
            assertThat(q.next(100, 10)).hasSize(3);
            assertThat(q.next(100, 1)).as("the first record always goes, whatever its weight").hasSize(1);
        }
    }

    private List<Path> segmentFiles() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(Segment.SUFFIX)).sorted().toList();
        }
    }

    private long totalSegmentBytes() throws IOException {
        long total = 0;
        for (Path p : segmentFiles()) {
            total += Files.size(p);
        }
        return total;
    }
}
