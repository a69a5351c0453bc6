package io.agrisense.edge.sim;

import com.pi4j.context.Context;
import com.pi4j.exception.ShutdownException;
import com.pi4j.io.gpio.digital.DigitalInput;
import com.pi4j.io.gpio.digital.DigitalInputBase;
import com.pi4j.io.gpio.digital.DigitalInputConfig;
import com.pi4j.io.gpio.digital.DigitalInputProvider;
import com.pi4j.io.gpio.digital.DigitalInputProviderBase;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.io.gpio.digital.DigitalStateChangeEvent;
import com.pi4j.io.gpio.digital.PullResistance;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Pi4J digital inputs driven by pulse schedules. Nothing runs in the background: when device time is observed, each
 * input replays the edges that happened since it was last looked at, through Pi4J's listeners, with device time
 * set to each edge's instant, so the driver's debounce sees the real spacing.
 */
final class SimDigitalInputProvider extends DigitalInputProviderBase {

    private final SimTiming timing;
    private final Map<Integer, PulseSchedule> schedules = new ConcurrentHashMap<>();

    SimDigitalInputProvider(SimTiming timing) {
        super("agrisense-sim-digital-input", "AgriSense simulated digital inputs");
        this.timing = timing;
    }

    void attach(int pin, PulseSchedule schedule) {
        if (schedules.putIfAbsent(pin, schedule) != null) {
            throw new IllegalArgumentException("two simulated pulse sensors on GPIO " + pin);
        }
    }

    @Override
    public DigitalInput create(DigitalInputConfig config) {
        PulseInput input = new PulseInput(this, config, schedules.get(config.address()), timing);
        context.registry().add(input);
        timing.register(input);
        return input;
    }

    private static final class PulseInput extends DigitalInputBase implements SimTiming.Replayable {

        private final PulseSchedule schedule;
        private final SimTiming timing;
        private final DigitalState activeLevel;
        private final PriorityQueue<PulseSchedule.Edge> pending =
                new PriorityQueue<>(Comparator.comparingLong(PulseSchedule.Edge::nanos));
        private DigitalState level;
        private boolean started;
        private long lastNanos;
        private Instant lastClock;

        PulseInput(DigitalInputProvider provider, DigitalInputConfig config, PulseSchedule schedule, SimTiming timing) {
            super(provider, config);
            this.schedule = schedule;
            this.timing = timing;
            boolean pullUp = config.pull() != PullResistance.PULL_DOWN;
            this.activeLevel = pullUp ? DigitalState.LOW : DigitalState.HIGH;
            this.level = pullUp ? DigitalState.HIGH : DigitalState.LOW;
        }

        @Override
        public synchronized DigitalState state() {
            return level;
        }

        @Override
        public synchronized void catchUp(long deviceNanos, Instant clockNow) {
            if (schedule == null) {
                return;
            }
            if (!started) {
                started = true;
                lastNanos = deviceNanos;
                lastClock = clockNow;
                return;
            }
            if (deviceNanos > lastNanos) {
                schedule.edges(lastNanos, deviceNanos, lastClock, clockNow,
                        (nanos, active) -> pending.add(new PulseSchedule.Edge(nanos, active)));
                lastNanos = deviceNanos;
                lastClock = clockNow;
            }
            while (!pending.isEmpty() && pending.peek().nanos() <= deviceNanos) {
                PulseSchedule.Edge edge = pending.poll();
                DigitalState next = edge.active() ? activeLevel : (activeLevel == DigitalState.LOW ? DigitalState.HIGH : DigitalState.LOW);
                if (next != level) {
                    level = next;
                    timing.edgeAt(edge.nanos());
                    dispatch(new DigitalStateChangeEvent<>(this, level));
                }
            }
        }

        @Override
        public DigitalInput shutdown(Context context) throws ShutdownException {
            timing.unregister(this);
            return super.shutdown(context);
        }
    }
}
