package io.agrisense.link.uplink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.agrisense.link.buffer.StoreAndForwardQueue;
import io.agrisense.link.config.BufferConfig;
import io.agrisense.protocol.senml.SenmlFormat;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one queue drain, over a real disk queue and a transport the test answers by hand. */
class UplinkPumpTest {

    /** Each record is a word; "bad" cannot be read; a message joins its words with '+' on topic "t". */
    private static final UplinkMessages<String> WORDS = new UplinkMessages<>() {
        @Override
        public String read(byte[] record) {
            String word = new String(record, StandardCharsets.UTF_8);
            if (word.equals("bad")) {
                throw new IllegalArgumentException("unreadable");
            }
            return word;
        }

        @Override
        public UplinkMessage message(List<String> records) {
            return new UplinkMessage("t", String.join("+", records).getBytes(StandardCharsets.UTF_8), SenmlFormat.JSON);
        }
    };

    /** Records what was sent; the test completes each send. */
    private static final class HandTransport implements Transport {
        record Sent(String text, SendCallback callback) {
        }

        final List<Sent> sent = new CopyOnWriteArrayList<>();
        volatile LinkListener listener;
        volatile int window = 100;

        @Override
        public void start(LinkListener l) {
            listener = l;
        }

        @Override
        public int window() {
            return window;
        }

        @Override
        public void send(UplinkMessage message, SendCallback callback) {
            sent.add(new Sent(new String(message.payload(), StandardCharsets.UTF_8), callback));
        }

        @Override
        public void close() {
        }

        List<String> texts() {
            return sent.stream().map(Sent::text).toList();
        }
    }

    @TempDir
    Path dir;
    private StoreAndForwardQueue queue;
    private UplinkPump<String> pump;
    private final HandTransport transport = new HandTransport();

    private void start(int maxRecords, int window) throws Exception {
        queue = StoreAndForwardQueue.open(dir, 1 << 20, BufferConfig.FsyncPolicy.BATCH);
        pump = new UplinkPump<>(queue, WORDS, transport, maxRecords, 1000, window, "test-pump");
        pump.start();
    }

    private void append(String... words) {
        for (String w : words) {
            queue.append(w.getBytes(StandardCharsets.UTF_8), 1);
        }
        pump.poke();
    }

    @AfterEach
    void stop() {
        pump.close();
        queue.close();
    }

    @Test
    void batchesRecordsIntoMessagesAndAcknowledgesOnlyDeliveredOnes() throws Exception {
        start(2, 10);
        append("a", "b", "c");
        transport.listener.linkUp();
        await().atMost(Duration.ofSeconds(5)).until(() -> transport.sent.size() == 2);
        assertThat(transport.texts()).containsExactly("a+b", "c");

        transport.sent.get(0).callback().delivered();
        await().atMost(Duration.ofSeconds(5)).until(() -> pump.stats().recordsDelivered() == 2);
        assertThat(queue.stats().records()).as("c awaits its acknowledgement").isEqualTo(1);
        assertThat(pump.stats().messagesSent()).isEqualTo(2);
    }

    @Test
    void afterALinkDropEverythingUnacknowledgedGoesAgainInOrder() throws Exception {
        start(1, 10);
        append("a", "b", "c");
        transport.listener.linkUp();
        await().atMost(Duration.ofSeconds(5)).until(() -> transport.sent.size() == 3);
        transport.sent.get(0).callback().delivered();
        await().atMost(Duration.ofSeconds(5)).until(() -> pump.stats().recordsDelivered() == 1);
        transport.listener.linkDown("test drop");
        await().atMost(Duration.ofSeconds(5)).until(() -> !pump.stats().linkUp());
        transport.listener.linkUp();
        await().atMost(Duration.ofSeconds(5)).until(() -> transport.sent.size() == 5);
        assertThat(transport.texts()).containsExactly("a", "b", "c", "b", "c");
    }

    @Test
    void keepsAtMostTheWindowInFlight() throws Exception {
        start(1, 10);
        transport.window = 2;
        append("a", "b", "c", "d");
        transport.listener.linkUp();
        await().atMost(Duration.ofSeconds(5)).until(() -> transport.sent.size() == 2);
        Thread.sleep(100);
        assertThat(transport.sent).hasSize(2);
        transport.sent.get(0).callback().delivered();
        await().atMost(Duration.ofSeconds(5)).until(() -> transport.sent.size() == 3);
        assertThat(transport.texts()).containsExactly("a", "b", "c");
    }

    @Test
    void aRejectedMessageOrUnreadableRecordIsDroppedAndCountedNotRetried() throws Exception {
        start(1, 10);
        append("bad", "x");
        transport.listener.linkUp();
        await().atMost(Duration.ofSeconds(5)).until(() -> transport.sent.size() == 1);
        transport.sent.get(0).callback().rejected("4.00 value out of range");
        await().atMost(Duration.ofSeconds(5)).until(() -> pump.stats().recordsRejected() == 2);

        UplinkStats s = pump.stats();
        assertThat(s.readingsRejected()).as("only x's reading reached the receiver").isEqualTo(1);
        assertThat(s.lastRejection()).isEqualTo("4.00 value out of range");
        assertThat(queue.stats().records()).isZero();
        assertThat(transport.texts()).containsExactly("x");
    }

    @Test
    void aFailedSendWithoutADropResendsTheUnacknowledgedAfterAPause() throws Exception {
        start(1, 10);
        append("a");
        transport.listener.linkUp();
        await().atMost(Duration.ofSeconds(5)).until(() -> transport.sent.size() == 1);
        transport.sent.get(0).callback().failed("PUBACK reason 0x80");
        await().atMost(Duration.ofSeconds(5)).until(() -> transport.sent.size() == 2);
        assertThat(transport.texts()).containsExactly("a", "a");
        assertThat(pump.stats().sendFailures()).isEqualTo(1);
    }
}
