package io.agrisense.platform.model.rain;

import static io.agrisense.platform.model.warning.KeyFigure.quantity;

import io.agrisense.platform.model.TimedValue;
import io.agrisense.platform.model.warning.Confidence;
import io.agrisense.platform.model.warning.Hazard;
import io.agrisense.platform.model.warning.KeyFigure;
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
 * Rainstorm warning from the station's own gauge by the CMA rainstorm signal (CMA Order No. 16, 2007,
 * 暴雨预警信号): blue 50 mm in 12 h, yellow 50 mm in 6 h, orange 50 mm in 3 h, red 100 mm in 3 h, each when the
 * amount "will be reached, or has been reached and the rain may continue". The station says both halves:
 * <ul>
 *   <li>reached: the trailing window holds the amount and it rained in the last hour;</li>
 *   <li>will be reached: the last hour's intensity, carried over the window (persistence), makes the amount; the
 *       warning then comes ahead, timed when the window total reaches it at that rate.</li>
 * </ul>
 * The higher of the two sets the level. Confidence: for a reached amount P(true total above the threshold) with a
 * 5 % gauge error (tipping-bucket accuracy); for a projected one P(window rain above it) with the spread of the
 * last three hourly totals (steady rain projects surely, showers do not), never under 10 % of the projection.
 * The 12 and 24 h totals are graded by GB/T 28592-2012. A warning holds for an hour and is renewed by the readings.
 */
public final class RainstormModel {

    static final Duration HOLD = Duration.ofHours(1);
    static final double GAUGE_ERROR = 0.05;

    /** The gauge: readings of rain since the previous reading, mm. */
    public record Gauge(StationId station, ZoneId zone, List<TimedValue> increments) {
        public Gauge {
            increments = List.copyOf(increments);
        }
    }

    /** The CMA rainstorm signal thresholds, most serious first. */
    enum Signal {
        RED(SignalLevel.RED, 3, 100), ORANGE(SignalLevel.ORANGE, 3, 50), YELLOW(SignalLevel.YELLOW, 6, 50),
        BLUE(SignalLevel.BLUE, 12, 50);

        final SignalLevel level;
        final Duration window;
        final double millimetres;

        Signal(SignalLevel level, int hours, double millimetres) {
            this.level = level;
            this.window = Duration.ofHours(hours);
            this.millimetres = millimetres;
        }
    }

    public Optional<Warning> assess(Gauge gauge, Instant now) {
        RainWindows rain = RainWindows.of(gauge.increments(), now);
        double intensity = rain.intensity();
        if (intensity <= 0) {
            return Optional.empty(); // the CMA signals stand only while the rain may continue
        }
        Signal reached = null;
        Signal projected = null;
        for (Signal s : Signal.values()) {
            if (reached == null && rain.total(s.window) >= s.millimetres) {
                reached = s;
            }
            if (projected == null && intensity * hours(s.window) >= s.millimetres) {
                projected = s;
            }
        }
        if (reached == null && projected == null) {
            return Optional.empty();
        }
        boolean ahead = reached == null || projected.level.compareTo(reached.level) > 0;
        Signal signal = ahead ? projected : reached;
        double total = rain.total(signal.window);
        Instant expected;
        Confidence confidence;
        if (ahead) {
            double hoursToGo = Math.max(0, (signal.millimetres - total) / intensity);
            expected = now.plusSeconds(Math.round(hoursToGo * 3600));
            double amount = intensity * hours(signal.window);
            double spread = rain.hourlySpread(3);
            double sigma = Math.max(0.1 * amount, Double.isFinite(spread) ? spread * Math.sqrt(hours(signal.window)) : 0);
            confidence = Confidence.ofMargin(amount - signal.millimetres, sigma, String.format(Locale.ROOT,
                    "P(%s mm in %d h) if the last hour's %s mm/h persists, spread %s mm from the last 3 hourly totals",
                    WarningText.number(signal.millimetres, 0), signal.window.toHours(), WarningText.number(intensity, 1),
                    WarningText.number(sigma, 1)));
        } else {
            expected = rain.reached(signal.window, signal.millimetres).orElse(now);
            confidence = Confidence.ofMargin(total - signal.millimetres, GAUGE_ERROR * total,
                    "P(gauge total above the threshold) with a 5 % tipping-bucket error");
        }
        double twelve = rain.total(Duration.ofHours(12));
        double day = rain.total(Duration.ofHours(24));
        List<KeyFigure> figures = List.of(
                quantity("rain_1h", intensity, "mm"),
                quantity("rain_3h", rain.total(Duration.ofHours(3)), "mm"),
                quantity("rain_6h", rain.total(Duration.ofHours(6)), "mm"),
                quantity("rain_12h", twelve, "mm"),
                quantity("rain_24h", day, "mm"),
                quantity("threshold", signal.millimetres, "mm"),
                quantity("window", signal.window.toHours(), "h"));
        String rule = WarningText.number(signal.millimetres, 0) + " mm in " + signal.window.toHours() + " h";
        String head = ahead
                ? "rainstorm " + signal.level.label() + " signal likely: " + WarningText.number(intensity, 1)
                + " mm in the last hour, at that rate " + rule + " about " + WarningText.about(expected, gauge.zone())
                : "rainstorm " + signal.level.label() + " signal: " + WarningText.number(total, 1) + " mm in "
                + signal.window.toHours() + " h (" + rule + "), still " + WarningText.number(intensity, 1) + " mm/h";
        String grade = "; 24 h total " + WarningText.number(day, 1) + " mm (" + PrecipitationGrade.of24Hours(day).label() + ")";
        return Optional.of(new Warning(Hazard.RAINSTORM, "rain", gauge.station(), signal.level, now, expected,
                now.plus(HOLD), confidence, figures,
                head + grade + "; clear the drains, ditches and pond overflows, keep off flooded fields"));
    }

    public Reassessment reassess(Warning previous, Gauge gauge, Instant now) {
        return Reassessment.of(previous, assess(gauge, now), now);
    }

    private static double hours(Duration d) {
        return d.toMinutes() / 60.0;
    }
}
