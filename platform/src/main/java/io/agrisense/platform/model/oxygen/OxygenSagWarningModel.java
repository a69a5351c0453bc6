package io.agrisense.platform.model.oxygen;

import static io.agrisense.platform.model.warning.KeyFigure.moment;
import static io.agrisense.platform.model.warning.KeyFigure.quantity;

import io.agrisense.platform.model.TimedSeries;
import io.agrisense.platform.model.TimedValue;
import io.agrisense.platform.model.warning.Confidence;
import io.agrisense.platform.model.warning.Hazard;
import io.agrisense.platform.model.warning.KeyFigure;
import io.agrisense.platform.model.warning.Reassessment;
import io.agrisense.platform.model.warning.SignalLevel;
import io.agrisense.platform.model.warning.Warning;
import io.agrisense.platform.model.warning.WarningText;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The night-time oxygen sag warning of a pond: from the decline since dusk ({@link NightOxygenProjection}) it
 * projects when dissolved oxygen falls below the critical level and when the aerator must start.
 * <p>
 * Levels (our mapping onto the CMA colours): blue when dawn oxygen is projected below the warning band (the
 * stock stops feeding and growing) but above the critical level; yellow when the critical level is projected to
 * be crossed before dawn; orange when that crossing is within the aerator lead, so the aerator is needed now;
 * red when the dawn projection is below the configured lethal level. The confidence is P(dawn oxygen below the
 * level) with the regression's prediction error at dawn, never under 0.2 mg/L (optical probe accuracy). The
 * warning is valid until dawn.
 */
public final class OxygenSagWarningModel {

    static final int MIN_SAMPLES = 4;
    /** Boyd et al. (1978) measured at dusk and two to three hours later; we start after 1.5 hours of readings. */
    static final Duration MIN_SPAN = Duration.ofMinutes(90);
    static final Duration STALE = Duration.ofHours(1);
    static final double SIGMA_FLOOR = 0.2;

    /** @throws IllegalArgumentException when no oxygen reading arrived in the hour before {@code now} */
    public Optional<Warning> assess(OxygenNight night, OxygenSagSettings settings, Instant now) {
        return assess(night, settings, now, 0);
    }

    /** Looks again; a standing warning stays until dawn oxygen is projected {@code clearMargin} above critical. */
    public Reassessment reassess(Warning previous, OxygenNight night, OxygenSagSettings settings, Instant now) {
        return Reassessment.of(previous, assess(night, settings, now, settings.clearMargin()), now);
    }

    private Optional<Warning> assess(OxygenNight in, OxygenSagSettings s, Instant now, double margin) {
        if (!in.night().contains(now)) {
            return Optional.empty();
        }
        TimedValue latest = TimedSeries.latest(in.dissolvedOxygen(), now, STALE).orElseThrow(() ->
                new IllegalArgumentException("no dissolved oxygen reading at " + in.station() + " in the hour before " + now));
        Optional<NightOxygenProjection.Sag> projected = NightOxygenProjection.project(s.method(), in.dissolvedOxygen(),
                in.waterTemperature(), in.night().sunset(), in.night().sunrise(), s.theta(), MIN_SAMPLES, MIN_SPAN, now);
        if (projected.isEmpty()) {
            return Optional.empty();
        }
        NightOxygenProjection.Sag sag = projected.get();
        double critical = s.bands().criticalBelow();
        double dawn = sag.dawnValue();
        boolean belowCritical = dawn < critical + margin || latest.value() < critical;
        if (!belowCritical && dawn >= s.bands().warningBelow()) {
            return Optional.empty();
        }
        Optional<Instant> crossing = latest.value() < critical ? Optional.of(now) : sag.crossing(critical);
        Instant expected = crossing.orElse(in.night().sunrise());
        Instant aerator = expected.minus(s.aeratorLead()).isAfter(now) ? expected.minus(s.aeratorLead()) : now;
        SignalLevel level;
        if (!belowCritical) {
            level = SignalLevel.BLUE;
        } else if (s.lethalBelow() != null && dawn < s.lethalBelow()) {
            level = SignalLevel.RED;
        } else if (crossing.isPresent() && aerator.equals(now)) {
            level = SignalLevel.ORANGE;
        } else {
            level = SignalLevel.YELLOW;
        }
        double threshold = belowCritical ? critical : s.bands().warningBelow();
        double sigma = Double.isFinite(sag.endStdError()) ? Math.max(SIGMA_FLOOR, sag.endStdError()) : SIGMA_FLOOR;
        Confidence confidence = Confidence.ofMargin(threshold - dawn, sigma, String.format(Locale.ROOT,
                "P(dawn oxygen < %s mg/L) for a normal error of %s mg/L from the %s fit of %d readings since dusk",
                WarningText.number(threshold, 1), WarningText.number(sigma, 2),
                s.method() == NightOxygenProjection.Method.LINEAR ? "linear (Boyd et al. 1978)" : "log-linear (Madenjian et al. 1987)",
                sag.fit().n()));

        List<KeyFigure> figures = new ArrayList<>(List.of(
                quantity("projected_dawn", dawn, "mg/L"),
                quantity("critical_level", critical, "mg/L"),
                quantity("evening_rate", sag.fit().slope(), s.method() == NightOxygenProjection.Method.LINEAR ? "mg/L/h" : "1/h"),
                moment("dawn", in.night().sunrise())));
        crossing.ifPresent(t -> figures.add(moment("critical_crossing", t)));
        if (belowCritical) {
            figures.add(moment("aerator_start", aerator));
        }
        if (Double.isFinite(sag.eveningTemperature())) {
            figures.add(quantity("evening_water_temperature", sag.eveningTemperature(), "Cel"));
        }
        return Optional.of(new Warning(Hazard.LOW_OXYGEN, "pond", in.station(), level, now, expected,
                in.night().sunrise(), confidence, figures, sentence(in, s, dawn, crossing, aerator, belowCritical, now)));
    }

    private static String sentence(OxygenNight in, OxygenSagSettings s, double dawn, Optional<Instant> crossing,
                                   Instant aerator, boolean belowCritical, Instant now) {
        String critical = WarningText.number(s.bands().criticalBelow(), 1);
        String byDawn = WarningText.number(dawn, 1) + " mg/L by dawn";
        if (!belowCritical) {
            return "oxygen will sag to " + byDawn + ", below the "
                    + WarningText.number(s.bands().warningBelow(), 1) + " mg/L the stock needs to feed and grow;"
                    + " watch the pond and keep the aerator ready";
        }
        String head = crossing.filter(t -> t.equals(now)).isPresent()
                ? "oxygen is below " + critical + " mg/L now"
                : crossing.map(t -> "oxygen will fall below " + critical + " mg/L around " + WarningText.about(t, in.zone()))
                        .orElse("oxygen will be close to " + critical + " mg/L at dawn");
        String act = aerator.equals(now) ? "now" : "from " + WarningText.by(aerator, in.zone());
        return head + ", " + byDawn + "; run the aerator " + act;
    }
}
