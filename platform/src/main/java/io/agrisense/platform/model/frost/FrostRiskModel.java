package io.agrisense.platform.model.frost;

import io.agrisense.platform.model.TimedValue;
import io.agrisense.platform.model.TrendLine;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Projects tonight's minimum air temperature by continuing the recent cooling trend (least squares over the
 * last hours) from the current reading until sunrise. Radiative cooling slows during the night, so a straight
 * line is conservative: it errs towards colder, which is the side a frost warning should err on.
 */
public final class FrostRiskModel {

    public static final Duration DEFAULT_LOOKBACK = Duration.ofHours(3);
    static final int MIN_SAMPLES = 3;
    static final Duration MIN_SPAN = Duration.ofHours(1);

    private final FrostThresholds thresholds;
    private final Duration lookback;

    public FrostRiskModel(FrostThresholds thresholds, Duration lookback) {
        this.thresholds = Objects.requireNonNull(thresholds, "thresholds");
        this.lookback = Objects.requireNonNull(lookback, "lookback");
    }

    public FrostRiskModel() {
        this(FrostThresholds.DEFAULT, DEFAULT_LOOKBACK);
    }

    /**
     * @param airTemperature air temperature samples, any order; those after {@code now} are ignored
     * @param dewPoint       dew point samples (may be empty)
     * @param sunrise        next sunrise; when it is not after {@code now} the projection horizon is zero
     */
    public FrostRisk assess(List<TimedValue> airTemperature, List<TimedValue> dewPoint, Instant now, Instant sunrise) {
        List<TimedValue> air = recent(airTemperature, now);
        if (air.isEmpty()) {
            throw new IllegalArgumentException("no air temperature sample in the " + lookback + " before " + now);
        }
        TimedValue latest = air.get(air.size() - 1);
        Instant horizon = sunrise.isAfter(now) ? sunrise : now;
        Optional<TrendLine> trend = TrendLine.fit(air, MIN_SAMPLES, MIN_SPAN);
        double slope = trend.map(TrendLine::slopePerHour).orElse(0.0);
        double projected = latest.value() + slope * TrendLine.hours(latest.time(), horizon);
        boolean cooling = slope < 0 && horizon.isAfter(latest.time());
        double minimum = cooling ? projected : latest.value();
        Instant minimumAt = cooling ? horizon : latest.time();

        double projectedDew = projectDewPoint(recent(dewPoint, now), horizon);
        return new FrostRisk(thresholds.levelFor(minimum), latest.value(), minimum, minimumAt, slope,
                projectedDew, kind(minimum, projectedDew), trend.isPresent());
    }

    private double projectDewPoint(List<TimedValue> dew, Instant horizon) {
        if (dew.isEmpty()) {
            return Double.NaN;
        }
        TimedValue latest = dew.get(dew.size() - 1);
        double slope = TrendLine.fit(dew, MIN_SAMPLES, MIN_SPAN).map(TrendLine::slopePerHour).orElse(0.0);
        return latest.value() + slope * TrendLine.hours(latest.time(), horizon);
    }

    private static FrostRisk.Kind kind(double minimum, double projectedDew) {
        if (minimum > 0) {
            return FrostRisk.Kind.NONE;
        }
        if (Double.isNaN(projectedDew)) {
            return FrostRisk.Kind.BLACK_FROST; // unknown humidity: assume the more dangerous kind
        }
        return projectedDew >= minimum ? FrostRisk.Kind.HOAR_FROST : FrostRisk.Kind.BLACK_FROST;
    }

    private List<TimedValue> recent(List<TimedValue> samples, Instant now) {
        Instant from = now.minus(lookback);
        return samples.stream()
                .filter(s -> !s.time().isAfter(now) && !s.time().isBefore(from))
                .sorted(Comparator.comparing(TimedValue::time))
                .toList();
    }
}
