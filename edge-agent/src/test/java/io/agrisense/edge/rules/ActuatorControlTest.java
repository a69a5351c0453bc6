package io.agrisense.edge.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.agrisense.edge.sensor.Actuator;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ActuatorControlTest {

    static final class TestRelay implements Actuator {
        volatile boolean on = true;
        volatile boolean closed;

        @Override
        public String name() {
            return "aerator";
        }

        @Override
        public void set(boolean value) {
            on = value;
        }

        @Override
        public boolean isOn() {
            return on;
        }

        @Override
        public void close() {
            on = false;
            closed = true;
        }
    }

    private final ScheduledExecutorService loop = Executors.newSingleThreadScheduledExecutor();
    private final TestRelay relay = new TestRelay();
    private final List<String> events = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        loop.shutdownNow();
    }

    @Test
    void startsInTheSafeStateAndSwitchesOffByItsOwnTimer() {
        ActuatorControl control = new ActuatorControl(List.of(relay), loop, System::nanoTime, events::add);
        assertThat(relay.on).as("safe state at start").isFalse();
        control.switchOn("aerator", Duration.ofMillis(300), ActuatorControl.Origin.rule("low_do"), 2.5);
        assertThat(relay.on).isTrue();
        assertThat(control.remainingSeconds("aerator")).contains(0L);
        await().atMost(Duration.ofSeconds(5)).until(() -> !relay.on);
        assertThat(events).containsExactly(
                "{\"rule\":\"low_do\",\"actuator\":\"aerator\",\"state\":\"on\",\"duration_s\":0.3,\"trigger\":2.5}",
                "{\"rule\":\"low_do\",\"actuator\":\"aerator\",\"state\":\"off\",\"reason\":\"timer\"}");
    }

    @Test
    void overlappingRequestsKeepTheRelayOnUntilTheLaterEnd() throws Exception {
        ActuatorControl control = new ActuatorControl(List.of(relay), loop, System::nanoTime, events::add);
        control.switchOn("aerator", Duration.ofMillis(900), ActuatorControl.Origin.command("c1"), null);
        control.switchOn("aerator", Duration.ofMillis(100), ActuatorControl.Origin.rule("low_do"), 2.0);
        Thread.sleep(400);
        assertThat(relay.on).as("the shorter request does not cut the longer one").isTrue();
        await().atMost(Duration.ofSeconds(5)).until(() -> !relay.on);
        assertThat(events.get(events.size() - 1)).isEqualTo(
                "{\"command\":\"c1\",\"actuator\":\"aerator\",\"state\":\"off\",\"reason\":\"timer\"}");
    }

    @Test
    void closeReturnsRelaysToTheirSafeState() {
        ActuatorControl control = new ActuatorControl(List.of(relay), loop, System::nanoTime, events::add);
        control.switchOn("aerator", Duration.ofMinutes(30), ActuatorControl.Origin.command("c1"), null);
        control.close();
        assertThat(relay.closed).isTrue();
        assertThat(relay.on).isFalse();
    }
}
