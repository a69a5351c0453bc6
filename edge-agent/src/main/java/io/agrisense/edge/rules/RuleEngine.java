package io.agrisense.edge.rules;

import io.agrisense.edge.config.RuleConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * Evaluates the station's edge rules on each reading, with no I/O: a rule fires when its condition has held
 * without interruption for its {@code for} duration and it last fired at least {@code min_interval} ago.
 * Time is the monotonic clock in nanoseconds, so a wall-clock jump (NTP at boot) neither fires nor blocks a rule.
 */
public final class RuleEngine {

    /** A rule that fired on a reading: switch {@code rule.actuator()} on for {@code rule.onFor()}. */
    public record Firing(RuleConfig rule, double triggerValue) {
    }

    private static final class State {
        final RuleConfig rule;
        Long holdingSince;
        Long lastFired;

        State(RuleConfig rule) {
            this.rule = rule;
        }
    }

    private final List<State> states = new ArrayList<>();

    public RuleEngine(List<RuleConfig> rules) {
        rules.forEach(r -> states.add(new State(r)));
    }

    public List<RuleConfig> rules() {
        return states.stream().map(s -> s.rule).toList();
    }

    /** Feeds one reading; returns the rules that fire now (usually none). */
    public List<Firing> onReading(String sensorName, String metric, double value, long nowNanos) {
        List<Firing> firings = List.of();
        for (State s : states) {
            RuleConfig r = s.rule;
            if (!r.metric().equals(metric) || (r.sensor() != null && !r.sensor().equals(sensorName))) {
                continue;
            }
            if (!r.comparison().holds(value, r.threshold())) {
                s.holdingSince = null;
                continue;
            }
            if (s.holdingSince == null) {
                s.holdingSince = nowNanos;
            }
            boolean heldLongEnough = nowNanos - s.holdingSince >= r.forDuration().toNanos();
            boolean rested = s.lastFired == null || nowNanos - s.lastFired >= r.minInterval().toNanos();
            if (heldLongEnough && rested) {
                s.lastFired = nowNanos;
                if (firings.isEmpty()) {
                    firings = new ArrayList<>();
                }
                firings.add(new Firing(r, value));
            }
        }
        return firings;
    }
}
