package io.agrisense.platform.model.wind;

import static io.agrisense.platform.model.warning.KeyFigure.quantity;

import io.agrisense.platform.model.TimedSeries;
import io.agrisense.platform.model.TimedValue;
import io.agrisense.platform.model.warning.Confidence;
import io.agrisense.platform.model.warning.Hazard;
import io.agrisense.platform.model.warning.Reassessment;
import io.agrisense.platform.model.warning.SignalLevel;
import io.agrisense.platform.model.warning.Warning;
import io.agrisense.platform.model.warning.WarningText;
import io.agrisense.protocol.StationId;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Gale warning from the station's anemometer by the CMA gale signal (CMA Order No. 16, 2007, 大风预警信号) in its
 * "already affected and may continue" form: blue at a mean wind of force 6 or gusts of force 7, yellow 8 or 9,
 * orange 10 or 11, red 12 or 13 ({@link BeaufortScale}, GB/T 28591-2012). The mean is the average of the last
 * 10 minutes' readings, the gust their largest (a station sending one-minute means under-reads three-second
 * gusts). The CMA scale is for 10 m: readings at another height are carried to 10 m by the logarithmic profile
 * of FAO-56 eq. 47, u10 = uz ln(67.8 x 10 - 5.42) / ln(67.8 z - 5.42). The warning states conditions now (no lead
 * time); confidence: P(wind above the force's lower bound) with an anemometer error of 0.3 m/s + 3 %.
 */
public final class GaleModel {

    static final Duration WINDOW = Duration.ofMinutes(10);
    static final Duration HOLD = Duration.ofHours(1);

    /** @param height anemometer height above ground, metres */
    public record Anemometer(StationId station, ZoneId zone, double height, List<TimedValue> windSpeed) {
        public Anemometer {
            if (!(height > 0.5 && height <= 100)) {
                throw new IllegalArgumentException("anemometer height " + height + " m must be within 0.5..100");
            }
            windSpeed = List.copyOf(windSpeed);
        }
    }

    private record Step(SignalLevel level, int meanForce, int gustForce) {
    }

    private static final List<Step> STEPS = List.of(new Step(SignalLevel.RED, 12, 13), new Step(SignalLevel.ORANGE, 10, 11),
            new Step(SignalLevel.YELLOW, 8, 9), new Step(SignalLevel.BLUE, 6, 7));

    /** @throws IllegalArgumentException when no wind reading arrived in the last 10 minutes */
    public Optional<Warning> assess(Anemometer anemometer, Instant now) {
        List<TimedValue> recent = TimedSeries.between(anemometer.windSpeed(), now.minus(WINDOW), now);
        if (recent.isEmpty()) {
            throw new IllegalArgumentException("no wind reading at " + anemometer.station() + " in the 10 minutes before " + now);
        }
        double toTenMetres = Math.log(67.8 * 10 - 5.42) / Math.log(67.8 * anemometer.height() - 5.42); // FAO-56 eq. 47
        double mean = TimedSeries.mean(recent).orElseThrow() * toTenMetres;
        double gust = recent.stream().mapToDouble(TimedValue::value).max().orElseThrow() * toTenMetres;
        int meanForce = BeaufortScale.force(mean);
        int gustForce = BeaufortScale.force(gust);
        for (Step step : STEPS) {
            boolean byMean = meanForce >= step.meanForce();
            boolean byGust = gustForce >= step.gustForce();
            if (!byMean && !byGust) {
                continue;
            }
            double speed = byGust ? gust : mean;
            double bound = BeaufortScale.lowerBound(byGust ? step.gustForce() : step.meanForce());
            Confidence confidence = Confidence.ofMargin(speed - bound, 0.3 + 0.03 * speed, String.format(Locale.ROOT,
                    "P(%s above %s m/s) with an anemometer error of 0.3 m/s + 3 %%", byGust ? "gust" : "mean wind",
                    WarningText.number(bound, 1)));
            String sentence = String.format(Locale.ROOT, "gale %s signal: gusts %s m/s (force %d), mean %s m/s (force %d) at 10 m;"
                            + " secure greenhouse covers, shade nets and loose equipment, stay out of the orchard",
                    step.level().label(), WarningText.number(gust, 1), gustForce, WarningText.number(mean, 1), meanForce);
            return Optional.of(new Warning(Hazard.GALE, "wind", anemometer.station(), step.level(), now, now,
                    now.plus(HOLD), confidence, List.of(quantity("mean_wind_10m", mean, "m/s"),
                    quantity("gust_10m", gust, "m/s"), quantity("mean_force", meanForce, "1"),
                    quantity("gust_force", gustForce, "1")), sentence));
        }
        return Optional.empty();
    }

    public Reassessment reassess(Warning previous, Anemometer anemometer, Instant now) {
        return Reassessment.of(previous, assess(anemometer, now), now);
    }
}
