package io.agrisense.link.systemd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SystemdNotifierTest {

    private final List<String> sent = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    @Test
    void readyThenWatchdogPingsAtHalfTheIntervalThenStopping() throws Exception {
        SystemdNotifier n = new SystemdNotifier(sent::add, SystemdNotifier.watchdogInterval(Map.of("WATCHDOG_USEC", "200000"), 1));
        assertThat(n.watchdogInterval()).hasValue(Duration.ofMillis(100));

        n.ready("station st-1: 3 sensors, uplink tcp://b:1883", scheduler);
        await().atMost(Duration.ofSeconds(5)).until(() -> sent.size() >= 3);
        assertThat(sent.get(0)).isEqualTo("READY=1\nSTATUS=station st-1: 3 sensors, uplink tcp://b:1883");
        assertThat(List.copyOf(sent).subList(1, 3)).containsOnly("WATCHDOG=1"); // a snapshot: pings keep coming

        n.stopping();
        int atStop = sent.size();
        Thread.sleep(300);
        assertThat(sent.get(atStop - 1)).isEqualTo("STOPPING=1");
        assertThat(sent).hasSize(atStop).as("no pings after STOPPING");
    }

    @Test
    void theWatchdogIsOnlyForTheProcessItNames() {
        assertThat(SystemdNotifier.watchdogInterval(Map.of("WATCHDOG_USEC", "30000000", "WATCHDOG_PID", "42"), 42))
                .hasValue(Duration.ofSeconds(15));
        assertThat(SystemdNotifier.watchdogInterval(Map.of("WATCHDOG_USEC", "30000000", "WATCHDOG_PID", "41"), 42)).isEmpty();
        assertThat(SystemdNotifier.watchdogInterval(Map.of(), 42)).isEmpty();
        assertThat(SystemdNotifier.watchdogInterval(Map.of("WATCHDOG_USEC", "soon"), 42)).isEmpty();
    }

    @Test
    void withoutAWatchdogOnlyReadyAndStoppingAreSent() throws Exception {
        SystemdNotifier n = new SystemdNotifier(sent::add, Optional.empty());
        n.ready("up", scheduler);
        Thread.sleep(200);
        n.stopping();
        assertThat(sent).containsExactly("READY=1\nSTATUS=up", "STOPPING=1");
    }
}
