package io.agrisense.platform.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The write-behind steps with a scripted database: batching, retry, isolation, completion order, give-up, stall. */
class DurableWriterTest {

    private final List<List<String>> commits = new CopyOnWriteArrayList<>();
    private final List<String> completed = new CopyOnWriteArrayList<>();
    private final Map<String, Exception> failed = new ConcurrentHashMap<>();
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private volatile CountDownLatch blockCommits = new CountDownLatch(0);
    private volatile boolean bug;
    private DurableWriter<String, List<String>> writer;

    /**
     * Writes a batch as "stored:x" per entry; "bad" entries make the whole transaction fail as data (SQLSTATE 22003),
     * "unreachable" entries and {@code failuresLeft} as a lost connection, {@code bug} as a programming error.
     */
    private final DurableWriter.Committer<String, List<String>> committer = new DurableWriter.Committer<>() {
        @Override
        public List<String> commit(List<String> batch) throws SQLException {
            try {
                blockCommits.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (bug) {
                throw new IllegalStateException("bug");
            }
            if (failuresLeft.getAndDecrement() > 0) {
                throw new SQLTransientConnectionException("Connection refused\nDetail: nobody listens", "08001");
            }
            if (batch.stream().anyMatch(e -> e.startsWith("bad"))) {
                throw new SQLException("value out of range for type", "22003");
            }
            if (batch.stream().anyMatch(e -> e.startsWith("unreachable"))) {
                throw new SQLTransientConnectionException("Connection refused", "08001");
            }
            commits.add(List.copyOf(batch));
            return batch.stream().map(e -> "stored:" + e).toList();
        }

        @Override
        public List<String> refused(String entry, SQLException cause) {
            return List.of("refused:" + entry + " (" + DurableWriter.firstLine(cause) + ")");
        }

        @Override
        public List<String> merge(List<List<String>> parts) {
            return parts.stream().flatMap(List::stream).toList();
        }

        @Override
        public void completed(List<String> batch, List<String> result) {
            completed.addAll(result);
        }

        @Override
        public void failed(List<String> batch, Exception cause) {
            batch.forEach(e -> failed.put(e, cause));
        }
    };

    private DurableWriter<String, List<String>> start(int capacity, int maxEntries) {
        return start(capacity, DurableWriter.Batching.upTo(maxEntries));
    }

    private DurableWriter<String, List<String>> start(int capacity, DurableWriter.Batching<String> batching) {
        writer = new DurableWriter<>(new DurableWriter.Settings("test-writer", "entry", "writes failing: ", capacity),
                batching, committer);
        return writer;
    }

    @AfterEach
    void close() {
        blockCommits.countDown();
        if (writer != null) {
            writer.close(Duration.ofSeconds(1));
        }
    }

    @Test
    void commitsInBatchesAndCompletesEveryEntryInSubmissionOrder() {
        blockCommits = new CountDownLatch(1);
        start(100, 3);
        List<String> submitted = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            submitted.add("e" + i);
            assertThat(writer.offer("e" + i)).isEqualTo(DurableWriter.Offer.QUEUED);
        }
        blockCommits.countDown();

        await().atMost(Duration.ofSeconds(5)).until(() -> completed.size() == 10);
        assertThat(completed).containsExactlyElementsOf(submitted.stream().map(e -> "stored:" + e).toList());
        assertThat(commits).allSatisfy(batch -> assertThat(batch).hasSizeLessThanOrEqualTo(3));
        assertThat(commits.size()).isGreaterThanOrEqualTo(4);
    }

    @Test
    void aFailingDatabaseHoldsTheBatchAndReportsTheFailureUntilItCommits() {
        failuresLeft.set(3);
        start(100, 10);
        writer.offer("a");

        await().atMost(Duration.ofSeconds(2)).until(() -> !writer.health().up());
        assertThat(completed).isEmpty();
        assertThat(writer.health().detail()).isEqualTo("writes failing: Connection refused");

        await().atMost(Duration.ofSeconds(5)).until(() -> completed.equals(List.of("stored:a")));
        assertThat(writer.health().up()).isTrue();
        assertThat(writer.health().detail()).isEqualTo("ok");
        assertThat(writer.writeFailures()).isEqualTo(3);
        assertThat(failed).isEmpty();
    }

    @Test
    void aBatchTheDatabaseRefusesIsWrittenEntryByEntryAndOnlyTheBadEntryIsRefused() {
        blockCommits = new CountDownLatch(1);
        start(100, 10);
        writer.offer("a");
        writer.offer("bad-1");
        writer.offer("b");
        blockCommits.countDown();

        await().atMost(Duration.ofSeconds(5)).until(() -> completed.size() == 3);
        assertThat(completed).containsExactly("stored:a", "refused:bad-1 (value out of range for type)", "stored:b");
        assertThat(commits).containsExactly(List.of("a"), List.of("b"));
        assertThat(writer.writeFailures()).isZero();
    }

    @Test
    void closingWhileTheDatabaseIsDownGivesUpAfterTheDrainTimeoutWithoutCompleting() {
        failuresLeft.set(Integer.MAX_VALUE);
        start(100, 10);
        writer.offer("a");
        await().atMost(Duration.ofSeconds(2)).until(() -> !writer.health().up());

        long start = System.nanoTime();
        writer.close(Duration.ofMillis(300));

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(6));
        assertThat(completed).isEmpty();
        assertThat(failed.get("a")).isInstanceOf(DurableWriter.NotCommitted.class)
                .hasMessageContaining("the database was unavailable");
        assertThat(writer.offer("late")).isEqualTo(DurableWriter.Offer.CLOSED);
    }

    @Test
    void givingUpWhileWritingEntryByEntryCompletesWhatIsCommittedAndFailsOnlyTheRest() {
        start(100, new DurableWriter.Batching<>(10, Long.MAX_VALUE, Duration.ofMillis(300), e -> 1));
        writer.offer("a");
        writer.offer("bad-1");
        writer.offer("unreachable-1");
        await().atMost(Duration.ofSeconds(3)).until(() -> !writer.health().up());

        writer.close(Duration.ofMillis(300));

        assertThat(completed).containsExactly("stored:a", "refused:bad-1 (value out of range for type)");
        assertThat(failed).containsOnlyKeys("unreachable-1");
        assertThat(failed.get("unreachable-1")).isInstanceOf(DurableWriter.NotCommitted.class);
    }

    @Test
    void closingCommitsWhatIsQueuedFirst() {
        blockCommits = new CountDownLatch(1);
        start(100, 2);
        for (String e : List.of("a", "b", "c", "d", "e")) {
            writer.offer(e);
        }
        new Thread(() -> {
            sleep(100);
            blockCommits.countDown();
        }).start();

        writer.close(Duration.ofSeconds(5));

        assertThat(completed).containsExactly("stored:a", "stored:b", "stored:c", "stored:d", "stored:e");
        assertThat(failed).isEmpty();
    }

    @Test
    void aFullQueueRefusesWithoutBlocking() {
        blockCommits = new CountDownLatch(1);
        start(2, 1);
        writer.offer("a"); // taken by the writer, which then blocks in its commit
        await().atMost(Duration.ofSeconds(2)).until(() -> writer.health().inFlight() == 1);

        assertThat(writer.offer("b")).isEqualTo(DurableWriter.Offer.QUEUED);
        assertThat(writer.offer("c")).isEqualTo(DurableWriter.Offer.QUEUED);
        assertThat(writer.offer("d")).isEqualTo(DurableWriter.Offer.FULL);
        assertThat(writer.queued()).isEqualTo(2);
    }

    @Test
    void aCommitThatHangsShowsAsAStallThatGrowsWhileEntriesWait() {
        blockCommits = new CountDownLatch(1);
        start(100, 10);
        sleep(300); // an idle writer is not stalled, however long ago its last commit was
        assertThat(writer.health().stalled()).isZero();

        writer.offer("a");
        writer.offer("b");
        await().atMost(Duration.ofSeconds(2)).until(() -> writer.health().inFlight() == 2);
        sleep(400);
        DurableWriter.Health stuck = writer.health();
        assertThat(stuck.up()).as("no error, just no progress").isTrue();
        assertThat(stuck.stalled()).isGreaterThanOrEqualTo(Duration.ofMillis(400)).isLessThan(Duration.ofSeconds(5));

        blockCommits.countDown();
        await().atMost(Duration.ofSeconds(2)).until(() -> completed.size() == 2);
        await().atMost(Duration.ofSeconds(2)).until(() -> writer.health().stalled().isZero());
    }

    @Test
    void anUnexpectedErrorFailsTheBatchInsteadOfLeavingItHanging() {
        bug = true;
        start(10, 10);
        writer.offer("a");

        await().atMost(Duration.ofSeconds(2)).until(() -> failed.containsKey("a"));
        assertThat(failed.get("a")).isInstanceOf(IllegalStateException.class).hasMessage("bug");
        assertThat(completed).isEmpty();
    }

    @Test
    void dataErrorsAreSqlStateClasses22And23() {
        assertThat(DurableWriter.isDataError(new SQLException("x", "22P02"))).isTrue();
        assertThat(DurableWriter.isDataError(new SQLException("x", "23505"))).isTrue();
        assertThat(DurableWriter.isDataError(new SQLException("x", "08006"))).isFalse();
        assertThat(DurableWriter.isDataError(new SQLException("x"))).isFalse();
        assertThat(DurableWriter.firstLine(new SQLException("first\n  Detail: second"))).isEqualTo("first");
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
