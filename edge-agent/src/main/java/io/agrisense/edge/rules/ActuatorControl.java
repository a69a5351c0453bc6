package io.agrisense.edge.rules;

import io.agrisense.edge.sensor.Actuator;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Switches the station's relays for a duration and turns them off with the agent's own timer, so a relay
 * switched on by a rule or a command goes off on time even when the link is down. Two overlapping requests
 * keep the relay on until the later end. Every change is reported as an event. Runs on the agent's scheduler.
 */
public final class ActuatorControl implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ActuatorControl.class);

    /** Receives a short JSON text for each switch (it travels upstream as a SenML {@code event} record). */
    @FunctionalInterface
    public interface EventSink {
        void event(String json);
    }

    /** Who asked for a switch: {@code "rule"} or {@code "command"}, with its name or id. */
    public record Origin(String kind, String id) {

        public static Origin rule(String name) {
            return new Origin("rule", name);
        }

        public static Origin command(String commandId) {
            return new Origin("command", commandId);
        }
    }

    private static final class Held {
        final Actuator actuator;
        long offAtNanos;
        Origin origin;
        ScheduledFuture<?> timer;

        Held(Actuator actuator) {
            this.actuator = actuator;
        }
    }

    private final Map<String, Held> actuators = new LinkedHashMap<>();
    private final ScheduledExecutorService loop;
    private final LongSupplier nanoTime;
    private final EventSink events;

    public ActuatorControl(List<Actuator> actuators, ScheduledExecutorService loop, LongSupplier nanoTime, EventSink events) {
        actuators.forEach(a -> this.actuators.put(a.name(), new Held(a)));
        this.loop = loop;
        this.nanoTime = nanoTime;
        this.events = events;
        // Safe state at start: a relay left on by a crash is switched off.
        this.actuators.values().forEach(h -> h.actuator.set(false));
    }

    public synchronized boolean has(String name) {
        return actuators.containsKey(name);
    }

    public synchronized Optional<Boolean> isOn(String name) {
        Held h = actuators.get(name);
        return h == null ? Optional.empty() : Optional.of(h.actuator.isOn());
    }

    /** Seconds until the relay goes off by itself; empty when it is off. */
    public synchronized Optional<Long> remainingSeconds(String name) {
        Held h = actuators.get(name);
        if (h == null || !h.actuator.isOn()) {
            return Optional.empty();
        }
        return Optional.of(Math.max(0, TimeUnit.NANOSECONDS.toSeconds(h.offAtNanos - nanoTime.getAsLong())));
    }

    public synchronized List<String> names() {
        return List.copyOf(actuators.keySet());
    }

    /** Switches on for {@code duration} (or keeps it on until the later end); {@code trigger} is the rule's value. */
    public synchronized void switchOn(String name, Duration duration, Origin origin, Double trigger) {
        Held h = require(name);
        long now = nanoTime.getAsLong();
        long until = now + duration.toNanos();
        boolean wasOn = h.actuator.isOn();
        if (!wasOn || until > h.offAtNanos) {
            h.offAtNanos = until;
            h.origin = origin;
            if (h.timer != null) {
                h.timer.cancel(false);
            }
            h.timer = loop.schedule(() -> timerFired(name), duration.toNanos(), TimeUnit.NANOSECONDS);
        }
        if (!wasOn) {
            h.actuator.set(true);
        }
        LOG.info("{} on for {} s ({} {}{})", name, duration.toSeconds(), origin.kind(), origin.id(),
                trigger == null ? "" : ", value " + trigger);
        events.event(EventText.switched(origin, name, true, duration, trigger, null));
    }

    /** Switches off now. */
    public synchronized void switchOff(String name, Origin origin) {
        Held h = require(name);
        if (h.timer != null) {
            h.timer.cancel(false);
            h.timer = null;
        }
        boolean wasOn = h.actuator.isOn();
        h.actuator.set(false);
        if (wasOn) {
            LOG.info("{} off ({} {})", name, origin.kind(), origin.id());
        }
        events.event(EventText.switched(origin, name, false, null, null, "requested"));
    }

    private synchronized void timerFired(String name) {
        Held h = actuators.get(name);
        if (h == null || !h.actuator.isOn()) {
            return;
        }
        long now = nanoTime.getAsLong();
        if (now < h.offAtNanos) {
            h.timer = loop.schedule(() -> timerFired(name), h.offAtNanos - now, TimeUnit.NANOSECONDS);
            return;
        }
        h.actuator.set(false);
        h.timer = null;
        LOG.info("{} off: its time is up ({} {})", name, h.origin.kind(), h.origin.id());
        events.event(EventText.switched(h.origin, name, false, null, null, "timer"));
    }

    private Held require(String name) {
        Held h = actuators.get(name);
        if (h == null) {
            throw new IllegalArgumentException("no actuator named '" + name + "'");
        }
        return h;
    }

    /** Returns every relay to its safe state. */
    @Override
    public synchronized void close() {
        for (Held h : actuators.values()) {
            if (h.timer != null) {
                h.timer.cancel(false);
            }
            try {
                h.actuator.close();
            } catch (RuntimeException e) {
                LOG.error("Actuator {} did not return to its safe state: {}", h.actuator.name(), e.toString());
            }
        }
    }
}
