package io.agrisense.platform.alert;

import static io.agrisense.platform.alert.RuleKind.NO_DATA;
import static io.agrisense.platform.alert.RuleKind.RATE_OF_CHANGE;
import static io.agrisense.platform.alert.RuleKind.STATION_OFFLINE;
import static io.agrisense.platform.alert.RuleKind.THRESHOLD;

import io.agrisense.protocol.Metric;
import io.agrisense.protocol.MetricCatalogue;
import io.agrisense.protocol.StationId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks rule definitions and reports every problem with the path of the field at fault and what to do,
 * e.g. {@code rules[3].clear: for a 'below' threshold the clear level must be above the raise level (got
 * clear 2.5, raise 3.0)}.
 */
public final class RuleValidator {

    static final Pattern RULE_ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    static final Pattern PROFILE = Pattern.compile("[a-z0-9_]{1,64}");

    private RuleValidator() {
    }

    /** Errors of a whole rules file, paths {@code rules[i].field}; empty when it is valid. */
    public static List<FieldError> validate(RuleSet set) {
        List<FieldError> errors = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < set.rules().size(); i++) {
            String path = "rules[" + i + "]";
            RuleDefinition rule = set.rules().get(i);
            if (rule == null) {
                errors.add(new FieldError(path, "empty rule"));
                continue;
            }
            check(rule, path + ".", errors);
            if (rule.id() != null) {
                Integer first = seen.putIfAbsent(rule.id(), i);
                if (first != null) {
                    errors.add(new FieldError(path + ".id", "duplicate id '" + rule.id() + "' (also rules[" + first + "])"));
                }
            }
        }
        return errors;
    }

    /** Errors of one rule as the API receives it, paths relative to the rule ({@code clear}). */
    public static List<FieldError> validate(RuleDefinition rule) {
        List<FieldError> errors = new ArrayList<>();
        check(rule, "", errors);
        return errors;
    }

    private static void check(RuleDefinition r, String p, List<FieldError> errors) {
        if (r.id() == null || r.id().isBlank()) {
            errors.add(new FieldError(p + "id", "required"));
        } else if (!RULE_ID.matcher(r.id()).matches()) {
            errors.add(new FieldError(p + "id", "'" + r.id() + "' must be 1-64 characters of a-z 0-9 . _ - starting with a letter or digit"));
        }
        if (r.severity() == null) {
            errors.add(new FieldError(p + "severity", "required: one of " + WireNames.choices(Severity.class)));
        }
        checkScope(r.scopeOrAll(), p + "scope", errors);
        if (r.kind() == null) {
            errors.add(new FieldError(p + "kind", "required: one of " + WireNames.choices(RuleKind.class)));
            return;
        }
        String kind = r.kind().wireName();
        Optional<Metric> metric = checkMetric(r, p, errors);
        checkDirection(r, p, errors);
        checkLevels(r.kind(), r.direction(), r.raise(), r.clear(), metric, p + "raise", p + "clear", errors);
        checkDurations(r.kind(), r.forDuration(), r.window(), r.timeout(), p, errors);
        if (r.action() != null && r.action().isEmpty()) {
            errors.add(new FieldError(p + "action", "an action must carry the command to send, e.g. {command: switch, actuator: aerator, state: \"on\", duration: 30min}"));
        } else if (r.action() != null && !(r.action().get("command") instanceof String c && !c.isBlank())) {
            errors.add(new FieldError(p + "action.command", "required: the edge agent's command name, e.g. switch (see edge-agent/README.md, Commands)"));
        }
        checkOverrides(r, p, metric, errors);
        if (r.kind() == NO_DATA && r.timeout() == null) {
            errors.add(new FieldError(p + "timeout", "required for a " + kind + " rule: how long without a reading, e.g. 15m"));
        }
        if (r.kind() == RATE_OF_CHANGE && r.window() == null) {
            errors.add(new FieldError(p + "window", "required for a " + kind + " rule: the time the change is measured over, e.g. 1h"));
        }
    }

    private static void checkScope(RuleScope scope, String path, List<FieldError> errors) {
        if (scope.station() != null && scope.profile() != null) {
            errors.add(new FieldError(path, "give a station or a profile, not both"));
        }
        if (scope.station() != null && !StationId.isValid(scope.station())) {
            errors.add(new FieldError(path + ".station", "'" + scope.station() + "' is not a station id (1-64 of A-Z a-z 0-9 _ -)"));
        }
        if (scope.profile() != null && !PROFILE.matcher(scope.profile()).matches()) {
            errors.add(new FieldError(path + ".profile", "'" + scope.profile() + "' is not a profile name (1-64 of a-z 0-9 _)"));
        }
    }

    private static Optional<Metric> checkMetric(RuleDefinition r, String p, List<FieldError> errors) {
        String path = p + "metric";
        String kind = r.kind().wireName();
        if (r.kind() == STATION_OFFLINE) {
            if (r.metric() != null) {
                errors.add(new FieldError(path, "a " + kind + " rule watches the station, not a metric: remove metric"));
            }
            return Optional.empty();
        }
        if (r.metric() == null || r.metric().isBlank()) {
            errors.add(new FieldError(path, "required for a " + kind + " rule"));
            return Optional.empty();
        }
        if (RuleDefinition.ANY_METRIC.equals(r.metric())) {
            if (r.kind() != NO_DATA) {
                errors.add(new FieldError(path, "'*' (every metric) is only for no_data rules"));
            }
            return Optional.empty();
        }
        Optional<Metric> metric = MetricCatalogue.lookup(r.metric());
        if (metric.isEmpty()) {
            errors.add(new FieldError(path, "unknown metric '" + r.metric() + "' (not in the metric catalogue)"));
        }
        return metric;
    }

    private static void checkDirection(RuleDefinition r, String p, List<FieldError> errors) {
        String path = p + "direction";
        switch (r.kind()) {
            case THRESHOLD -> {
                if (r.direction() == null || !r.direction().forThreshold()) {
                    errors.add(new FieldError(path, (r.direction() == null ? "required" : "'" + r.direction().wireName() + "' does not apply")
                            + ": a threshold rule is 'above' or 'below'"));
                }
            }
            case RATE_OF_CHANGE -> {
                if (r.direction() == null || r.direction().forThreshold()) {
                    errors.add(new FieldError(path, (r.direction() == null ? "required" : "'" + r.direction().wireName() + "' does not apply")
                            + ": a rate_of_change rule is 'rising' or 'falling'"));
                }
            }
            default -> {
                if (r.direction() != null) {
                    errors.add(new FieldError(path, "a " + r.kind().wireName() + " rule has no direction: remove it"));
                }
            }
        }
    }

    /** Raise and clear levels; also used for the merged values of a station override. */
    static void checkLevels(RuleKind kind, Direction direction, Double raise, Double clear, Optional<Metric> metric,
                            String raisePath, String clearPath, List<FieldError> errors) {
        if (kind != THRESHOLD && kind != RATE_OF_CHANGE) {
            if (raise != null) {
                errors.add(new FieldError(raisePath, "a " + kind.wireName() + " rule has no raise level: remove it"));
            }
            if (clear != null) {
                errors.add(new FieldError(clearPath, "a " + kind.wireName() + " rule has no clear level: remove it"));
            }
            return;
        }
        if (raise == null || !Double.isFinite(raise)) {
            errors.add(new FieldError(raisePath, raise == null ? "required" : "must be a finite number"));
            return;
        }
        if (clear != null && !Double.isFinite(clear)) {
            errors.add(new FieldError(clearPath, "must be a finite number"));
            return;
        }
        if (kind == THRESHOLD) {
            metric.ifPresent(m -> {
                checkPlausible(m, raise, raisePath, errors);
                if (clear != null) {
                    checkPlausible(m, clear, clearPath, errors);
                }
            });
            if (clear != null && direction == Direction.BELOW && !(clear > raise)) {
                errors.add(new FieldError(clearPath, "for a 'below' threshold the clear level must be above the raise level (got clear "
                        + number(clear) + ", raise " + number(raise) + ")"));
            }
            if (clear != null && direction == Direction.ABOVE && !(clear < raise)) {
                errors.add(new FieldError(clearPath, "for an 'above' threshold the clear level must be below the raise level (got clear "
                        + number(clear) + ", raise " + number(raise) + ")"));
            }
            return;
        }
        if (!(raise > 0)) {
            errors.add(new FieldError(raisePath, "the change that raises a rate_of_change alert must be positive; use direction to say which way (got "
                    + number(raise) + ")"));
        } else if (clear != null && !(clear >= 0 && clear < raise)) {
            errors.add(new FieldError(clearPath, "for a rate_of_change rule the clear change must be at least 0 and below the raise change (got clear "
                    + number(clear) + ", raise " + number(raise) + ")"));
        }
    }

    private static void checkPlausible(Metric m, double level, String path, List<FieldError> errors) {
        if (level < m.min() || level > m.max()) {
            errors.add(new FieldError(path, number(level) + (m.unit() == null ? "" : " " + m.unit()) + " is outside "
                    + m.name() + "'s plausible range " + number(m.min()) + ".." + number(m.max()) + ": it could never be reached"));
        }
    }

    static void checkDurations(RuleKind kind, String forText, String window, String timeout, String p,
                               List<FieldError> errors) {
        String k = kind.wireName();
        if (forText != null) {
            if (kind == NO_DATA) {
                errors.add(new FieldError(p + "for", "a no_data rule's timeout is its duration: remove for"));
            } else {
                duration(forText, p + "for", true, errors);
            }
        }
        if (window != null) {
            if (kind != RATE_OF_CHANGE) {
                errors.add(new FieldError(p + "window", "only rate_of_change rules have a window: remove it"));
            } else {
                duration(window, p + "window", false, errors);
            }
        }
        if (timeout != null) {
            if (kind != NO_DATA && kind != STATION_OFFLINE) {
                errors.add(new FieldError(p + "timeout", "only no_data and station_offline rules have a timeout; a " + k
                        + " rule waits with 'for'"));
            } else {
                duration(timeout, p + "timeout", false, errors);
            }
        }
    }

    private static void duration(String text, String path, boolean zeroAllowed, List<FieldError> errors) {
        try {
            Duration d = DurationText.parse(text);
            if (d.isNegative() || (!zeroAllowed && d.isZero())) {
                errors.add(new FieldError(path, "must be longer than zero"));
            }
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(path, e.getMessage()));
        }
    }

    private static void checkOverrides(RuleDefinition r, String p, Optional<Metric> metric, List<FieldError> errors) {
        Map<String, Integer> seen = new HashMap<>();
        List<StationOverride> overrides = r.overridesOrEmpty();
        for (int j = 0; j < overrides.size(); j++) {
            String op = p + "overrides[" + j + "]";
            StationOverride o = overrides.get(j);
            if (o == null) {
                errors.add(new FieldError(op, "empty override"));
                continue;
            }
            if (o.station() == null || !StationId.isValid(o.station())) {
                errors.add(new FieldError(op + ".station", o.station() == null ? "required"
                        : "'" + o.station() + "' is not a station id (1-64 of A-Z a-z 0-9 _ -)"));
            } else {
                Integer first = seen.putIfAbsent(o.station(), j);
                if (first != null) {
                    errors.add(new FieldError(op + ".station", "station '" + o.station() + "' already has overrides[" + first + "]"));
                }
                String scoped = r.scopeOrAll().station();
                if (scoped != null && !scoped.equals(o.station())) {
                    errors.add(new FieldError(op + ".station", "station '" + o.station() + "' is outside the rule's scope (station '" + scoped + "')"));
                }
            }
            checkDurations(r.kind(), o.forDuration(), o.window(), o.timeout(), op + ".", errors);
            if (o.raise() != null || o.clear() != null) {
                Double raise = o.raise() != null ? o.raise() : r.raise();
                Double clear = o.clear() != null ? o.clear() : r.clear();
                checkLevels(r.kind(), r.direction(), raise, clear, metric, op + ".raise", op + ".clear", errors);
            }
        }
    }

    static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return String.format(Locale.ROOT, "%.1f", v);
        }
        return String.format(Locale.ROOT, "%s", v);
    }
}
