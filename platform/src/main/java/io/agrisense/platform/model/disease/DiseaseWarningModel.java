package io.agrisense.platform.model.disease;

import static io.agrisense.platform.model.warning.KeyFigure.moment;
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
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Infection periods of a leaf disease from the leaf wetness sensor and the air temperature, by the pathogen's
 * {@link InfectionModel}. For the latest wet spell (ending now or within the last day):
 * <ul>
 *   <li>blue, ahead: the leaves are still wet and half the requirement at the spell's mean temperature is met;
 *       the infection is expected when the requirement will be, if the wetness lasts;</li>
 *   <li>yellow: the requirement is met (the spell goes on, or it ended less than a day ago): an infection period,
 *       the time for a curative spray.</li>
 * </ul>
 * Confidence: ahead, the share of the requirement already met (the wetness to come is not forecast); met,
 * P(requirement met) with a 20 % error of the requirement (our allowance for the model's fit; Magarey et al.
 * report r = 0.83 against 53 laboratory studies). An ongoing warning holds for an hour; a met infection stays a
 * day after the leaves dried.
 */
public final class DiseaseWarningModel {

    static final Duration MAX_STEP = Duration.ofMinutes(30);
    static final Duration LOOKBACK = Duration.ofHours(48);
    static final Duration CURATIVE_WINDOW = Duration.ofHours(24);
    static final Duration HOLD = Duration.ofHours(1);
    static final double REQUIREMENT_ERROR = 0.2;

    /**
     * @param wetThreshold leaf wetness percent from which the leaf counts as wet (50 unless the sensor is calibrated)
     */
    public record Leaf(StationId station, ZoneId zone, InfectionModel model, List<TimedValue> leafWetness,
                       List<TimedValue> airTemperature, double wetThreshold) {
        public Leaf {
            Objects.requireNonNull(model, "model");
            leafWetness = List.copyOf(leafWetness);
            airTemperature = List.copyOf(airTemperature);
            if (!(wetThreshold > 0 && wetThreshold <= 100)) {
                throw new IllegalArgumentException("wet threshold " + wetThreshold + " % must be within (0, 100]");
            }
        }
    }

    public Optional<Warning> assess(Leaf leaf, Instant now) {
        InfectionModel model = leaf.model();
        List<WetSpell> spells = WetSpell.of(leaf.leafWetness(), leaf.airTemperature(), leaf.wetThreshold(), MAX_STEP,
                model.dryInterruption(), now).stream().filter(s -> s.end().isAfter(now.minus(LOOKBACK))).toList();
        if (spells.isEmpty()) {
            return Optional.empty();
        }
        WetSpell spell = spells.get(spells.size() - 1);
        OptionalDouble required = model.requiredWetness(spell.meanTemperature());
        if (required.isEmpty()) {
            return Optional.empty();
        }
        double need = required.getAsDouble();
        double wet = spell.hours();
        boolean ongoing = !spell.end().isBefore(now);
        Instant expected = spell.start().plusSeconds(Math.round(need * 3600));
        List<KeyFigure> figures = List.of(quantity("wet_hours", wet, "h"), quantity("required_wet_hours", need, "h"),
                quantity("mean_temperature", spell.meanTemperature(), "Cel"), moment("wet_since", spell.start()));
        String conditions = String.format(Locale.ROOT, "%s h at %s °C (%s h needed)", WarningText.number(wet, 1),
                WarningText.number(spell.meanTemperature(), 1), WarningText.number(need, 1));
        if (wet >= need) {
            if (!ongoing && !spell.end().plus(CURATIVE_WINDOW).isAfter(now)) {
                return Optional.empty();
            }
            Instant validUntil = ongoing ? now.plus(HOLD) : spell.end().plus(CURATIVE_WINDOW);
            Confidence confidence = Confidence.ofMargin(wet - need, REQUIREMENT_ERROR * need,
                    "P(wetness requirement met) with a 20 % error of the Magarey requirement");
            String when = ongoing ? "leaves wet " + conditions
                    : "leaves were wet " + conditions + " until " + WarningText.clock(spell.end(), leaf.zone());
            return Optional.of(new Warning(Hazard.DISEASE_INFECTION, model.disease(), leaf.station(), SignalLevel.YELLOW, now,
                    expected.isAfter(now) ? now : expected, validUntil, confidence, figures,
                    model.disease() + " infection period: " + when
                            + "; spray a curative fungicide on the young flush within 24 h"));
        }
        if (!ongoing || wet < need / 2) {
            return Optional.empty();
        }
        return Optional.of(new Warning(Hazard.DISEASE_INFECTION, model.disease(), leaf.station(), SignalLevel.BLUE, now,
                expected, now.plus(HOLD), new Confidence(wet / need,
                "share of the wetness requirement met; the wetness to come is not forecast"), figures,
                model.disease() + " infection likely about " + WarningText.about(expected, leaf.zone())
                        + " if the leaves stay wet: wet " + conditions + "; protect the young flush now"));
    }

    public Reassessment reassess(Warning previous, Leaf leaf, Instant now) {
        return Reassessment.of(previous, assess(leaf, now), now);
    }
}
