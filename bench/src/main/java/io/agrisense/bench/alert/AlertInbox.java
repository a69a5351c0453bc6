package io.agrisense.bench.alert;

import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * The alerts one probe station receives on one channel (MQTT or SSE), in arrival order. The probe takes them one
 * at a time; an alert it was not waiting for (a repeat, or one that came after its wait timed out) is counted as
 * stray and dropped.
 */
final class AlertInbox {

    private final BlockingQueue<AlertEvent> arrived = new LinkedBlockingQueue<>();
    private final AtomicLong stray = new AtomicLong();
    private final AtomicLong unreadable = new AtomicLong();

    void deliver(AlertEvent event) {
        arrived.add(event);
    }

    void unreadable() {
        unreadable.incrementAndGet();
    }

    /** The first alert matching {@code wanted} before {@code deadlineNanos} ({@link System#nanoTime()}), if any. */
    Optional<AlertEvent> await(Predicate<AlertEvent> wanted, long deadlineNanos) throws InterruptedException {
        while (true) {
            long left = deadlineNanos - System.nanoTime();
            AlertEvent e = left <= 0 ? arrived.poll() : arrived.poll(left, TimeUnit.NANOSECONDS);
            if (e == null) {
                return Optional.empty();
            }
            if (wanted.test(e)) {
                return Optional.of(e);
            }
            stray.incrementAndGet();
        }
    }

    long stray() {
        return stray.get() + arrived.size();
    }

    long unreadableCount() {
        return unreadable.get();
    }
}
