package io.agrisense.platform.alert;

import io.agrisense.embedded.testkit.ManualClock;
import io.agrisense.protocol.StationId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** An engine on a hand-moved clock with predictable alert ids (a-1, a-2, ...), plus a log of all transitions. */
final class AlertScenario {

    static final Instant T0 = Instant.parse("2024-07-01T02:00:00Z");

    final ManualClock clock = new ManualClock(T0);
    final Supplier<String> ids;
    final List<AlertTransition> log = new ArrayList<>();
    AlertEngine engine;
    private int next = 1;

    AlertScenario(RuleBook rules) {
        this.ids = () -> "a-" + next++;
        this.engine = new AlertEngine(rules, clock, ids);
    }

    static AlertScenario withRules(String yaml) {
        return new AlertScenario(RuleBook.fromYaml(yaml, "test rules"));
    }

    /** A reading stamped with the current clock time. */
    List<AlertTransition> reading(String station, String profile, String metric, double value) {
        return keep(engine.onReading(StationId.of(station), profile, metric, clock.instant(), value));
    }

    List<AlertTransition> status(String station, StationStatus status) {
        return keep(engine.onStatus(StationId.of(station), status, clock.instant()));
    }

    /** Moves the clock and runs the timer. */
    List<AlertTransition> after(Duration d) {
        clock.advance(d);
        return keep(engine.tick());
    }

    List<AlertTransition> keep(List<AlertTransition> transitions) {
        log.addAll(transitions);
        return transitions;
    }

    long count(AlertState state) {
        return log.stream().filter(t -> t.state() == state).count();
    }

    static Duration minutes(long m) {
        return Duration.ofMinutes(m);
    }
}
