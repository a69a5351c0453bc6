package io.agrisense.platform.model.pest;

import static io.agrisense.platform.model.warning.KeyFigure.quantity;

import io.agrisense.platform.model.DailySeries;
import io.agrisense.platform.model.warning.Confidence;
import io.agrisense.platform.model.warning.Hazard;
import io.agrisense.platform.model.warning.KeyFigure;
import io.agrisense.platform.model.warning.Reassessment;
import io.agrisense.platform.model.warning.SignalLevel;
import io.agrisense.platform.model.warning.Warning;
import io.agrisense.platform.model.warning.WarningText;
import io.agrisense.protocol.StationId;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Warns of the pest stage a grower acts on (the hatch of the larvae that bore into rice stems, the psyllid
 * nymphs on the flush): blue when the stage is projected to begin within the horizon at the last seven days'
 * temperatures ({@link PestPhenology}), yellow once it has begun. A warning lasts until the stage is over.
 * <p>
 * Confidence: the time a cohort takes to develop varies among individuals; we take a 10 % coefficient of
 * variation of the development time from the biofix (an assumption: the sources give mean thermal constants
 * only), so the start of the stage is normal with sigma = 0.1 x the days from the biofix to it. Ahead it is
 * P(start within the horizon), under way P(started by now).
 */
public final class PestStageWarningModel {

    static final int RECENT_DAYS = 7;
    static final double DEVELOPMENT_CV = 0.10;
    static final LocalTime NOON = LocalTime.NOON;

    /**
     * @param days        the daily extremes since the biofix, consecutive, the last one today's or yesterday's
     * @param actionStage the stage that calls for action
     * @param horizonDays how many days ahead a coming stage is announced
     */
    public record Watch(StationId station, ZoneId zone, PestModel model, LocalDate biofix, List<DayTemperatures> days,
                        String actionStage, int horizonDays) {
        public Watch {
            Objects.requireNonNull(model, "model");
            days = List.copyOf(days);
            model.indexOf(actionStage);
            if (horizonDays < 1) {
                throw new IllegalArgumentException("horizon " + horizonDays + " days must be at least 1");
            }
        }
    }

    public Optional<Warning> assess(Watch watch, Instant now) {
        if (watch.days().isEmpty()) {
            return Optional.empty();
        }
        LocalDate today = DailySeries.requireRecent(watch.days().get(watch.days().size() - 1).date(), watch.zone(), now);
        PestModel model = watch.model();
        PestPhenology.Status status = PestPhenology.run(model, watch.biofix(), watch.days());
        int target = model.indexOf(watch.actionStage());
        List<DayTemperatures> recent = watch.days().subList(Math.max(0, watch.days().size() - RECENT_DAYS), watch.days().size());
        Instant validUntil = today.plusDays(2).atStartOfDay(watch.zone()).toInstant();
        String who = model.commonName() + " (" + model.species() + ")";

        if (status.stage() == target) {
            LocalDate started = status.stageStarts().get(target);
            double sinceBiofix = ChronoUnit.DAYS.between(watch.biofix(), started);
            double sinceStart = ChronoUnit.DAYS.between(started, today) + 1;
            PestStage stage = model.stages().get(target);
            Confidence confidence = Confidence.ofMargin(sinceStart, Math.max(0.5, DEVELOPMENT_CV * sinceBiofix),
                    "P(stage begun) with a 10 % spread of development time from the biofix");
            List<KeyFigure> figures = List.of(quantity("degree_days_in_stage", status.degreeDaysInStage(), "K.d"),
                    quantity("thermal_constant", stage.thermalConstant(), "K.d"));
            return Optional.of(new Warning(Hazard.PEST_STAGE, model.species(), watch.station(), SignalLevel.YELLOW, now,
                    started.atStartOfDay(watch.zone()).toInstant(), validUntil, confidence, figures,
                    String.format(Locale.ROOT, "%s: %s since %s (%s of %s degree-days); act now",
                            who, stage.name(), WarningText.day(started), WarningText.number(status.degreeDaysInStage(), 0),
                            WarningText.number(stage.thermalConstant(), 0))));
        }
        OptionalDouble daysUntil = PestPhenology.daysUntil(status, target, recent);
        if (status.stage() > target || daysUntil.isEmpty() || daysUntil.getAsDouble() > watch.horizonDays()) {
            return Optional.empty();
        }
        LocalDate expectedDay = today.plusDays((long) Math.ceil(daysUntil.getAsDouble()));
        double fromBiofix = ChronoUnit.DAYS.between(watch.biofix(), today) + daysUntil.getAsDouble();
        Confidence confidence = Confidence.ofMargin(watch.horizonDays() - daysUntil.getAsDouble(),
                Math.max(0.5, DEVELOPMENT_CV * fromBiofix), String.format(Locale.ROOT,
                        "P(stage begins within %d days) at the last %d days' temperatures, 10 %% spread of development time",
                        watch.horizonDays(), recent.size()));
        PestStage current = status.current().orElseThrow();
        List<KeyFigure> figures = List.of(quantity("degree_days_in_stage", status.degreeDaysInStage(), "K.d"),
                quantity("thermal_constant", current.thermalConstant(), "K.d"),
                quantity("recent_degree_days_per_day", PestPhenology.meanDegreeDays(current, recent), "K.d"),
                quantity("days_to_stage", daysUntil.getAsDouble(), "d"));
        return Optional.of(new Warning(Hazard.PEST_STAGE, model.species(), watch.station(), SignalLevel.BLUE, now,
                expectedDay.atTime(NOON).atZone(watch.zone()).toInstant(), validUntil, confidence, figures,
                String.format(Locale.ROOT, "%s: %s expected about %s at the last %d days' temperatures; now %s, %s of %s"
                                + " degree-days; plan the treatment",
                        who, watch.actionStage(), WarningText.day(expectedDay), recent.size(), current.name(),
                        WarningText.number(status.degreeDaysInStage(), 0), WarningText.number(current.thermalConstant(), 0))));
    }

    public Reassessment reassess(Warning previous, Watch watch, Instant now) {
        return Reassessment.of(previous, assess(watch, now), now);
    }
}
