package io.agrisense.platform.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The database's health in bounded time: answers reused while fresh, a hanging server judged without waiting for it. */
class DatabaseProbeTest {

    private final CountDownLatch release = new CountDownLatch(1);
    private final AtomicBoolean hang = new AtomicBoolean();
    private final AtomicBoolean answers = new AtomicBoolean(true);
    private final AtomicInteger pings = new AtomicInteger();
    private final DatabaseProbe probe = new DatabaseProbe(() -> {
        pings.incrementAndGet();
        if (hang.get()) {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return answers.get();
    }, "PostgreSQL, plain storage", Duration.ofMillis(300), Duration.ofMillis(100), Duration.ofMillis(600));

    @AfterEach
    void close() {
        release.countDown();
        probe.close();
    }

    @Test
    void anAnsweringDatabaseIsUpAndAFreshAnswerIsReused() {
        assertThat(probe.check()).isEqualTo(new DatabaseProbe.Answer(true, "PostgreSQL, plain storage"));
        assertThat(probe.check().up()).isTrue();
        assertThat(pings).hasValue(1);

        answers.set(false);
        sleep(400);
        assertThat(probe.check()).isEqualTo(new DatabaseProbe.Answer(false, "PostgreSQL does not answer"));
        assertThat(pings).hasValue(2);
    }

    @Test
    void aHangingDatabaseIsJudgedWithinTheWaitAndDownOnceItHasBeenSilentTooLong() {
        assertThat(probe.check().up()).isTrue();
        hang.set(true);
        sleep(400);

        long start = System.nanoTime();
        DatabaseProbe.Answer first = probe.check();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(500));
        assertThat(first.up()).as("silent for less than the patience: the last answer stands").isTrue();

        sleep(700);
        start = System.nanoTime();
        DatabaseProbe.Answer later = probe.check();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(500));
        assertThat(later.up()).isFalse();
        assertThat(later.detail()).matches("PostgreSQL has not answered for \\d+ ms");
        assertThat(pings).as("one ping at a time").hasValue(2);

        hang.set(false);
        release.countDown();
        sleep(50);
        assertThat(probe.check().up()).isTrue();
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
