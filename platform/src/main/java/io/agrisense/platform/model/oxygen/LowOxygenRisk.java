package io.agrisense.platform.model.oxygen;

import io.agrisense.platform.model.TimedValue;
import io.agrisense.platform.model.TrendLine;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Classifies pond dissolved oxygen against species bands and projects the nightly sag (respiration without
 * photosynthesis) linearly until dawn, so the aerator can start before the critical level, not after.
 */
public final class LowOxygenRisk {

    static final Duration LOOKBACK = Duration.ofHours(3);
    static final int MIN_SAMPLES = 3;
    static final Duration MIN_SPAN = Duration.ofHours(1);

    private final OxygenBands bands;

    public LowOxygenRisk(OxygenBands bands) {
        this.bands = Objects.requireNonNull(bands, "bands");
    }

    public OxygenRisk.Level classify(double dissolvedOxygen) {
        return bands.levelFor(dissolvedOxygen);
    }

    /**
     * @param samples dissolved oxygen in mg/L, any order; those after {@code now} are ignored
     * @param dawn    end of the projection; when it is not after {@code now} only the current value counts
     */
    public OxygenRisk assess(List<TimedValue> samples, Instant now, Instant dawn) {
        Instant from = now.minus(LOOKBACK);
        List<TimedValue> recent = samples.stream()
                .filter(s -> !s.time().isAfter(now) && !s.time().isBefore(from))
                .sorted(Comparator.comparing(TimedValue::time))
                .toList();
        if (recent.isEmpty()) {
            throw new IllegalArgumentException("no dissolved oxygen sample in the " + LOOKBACK + " before " + now);
        }
        TimedValue latest = recent.get(recent.size() - 1);
        Optional<TrendLine> trend = TrendLine.fit(recent, MIN_SAMPLES, MIN_SPAN);
        double slope = trend.map(TrendLine::slopePerHour).orElse(0.0);
        Instant horizon = dawn.isAfter(latest.time()) ? dawn : latest.time();
        boolean falling = slope < 0 && horizon.isAfter(latest.time());
        double minimum = falling
                ? Math.max(0, latest.value() + slope * TrendLine.hours(latest.time(), horizon))
                : latest.value();
        Optional<Instant> criticalAt = Optional.empty();
        if (falling && latest.value() >= bands.criticalBelow() && minimum < bands.criticalBelow()) {
            double hours = (bands.criticalBelow() - latest.value()) / slope;
            criticalAt = Optional.of(latest.time().plusSeconds(Math.round(hours * 3600)));
        }
        return new OxygenRisk(bands.levelFor(latest.value()), latest.value(), bands.levelFor(minimum), minimum,
                falling ? horizon : latest.time(), slope, criticalAt);
    }
}
