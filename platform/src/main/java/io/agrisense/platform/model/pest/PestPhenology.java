package io.agrisense.platform.model.pest;

import io.agrisense.platform.model.DailySeries;
import io.agrisense.platform.model.GrowingDegreeDays;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Runs a {@link PestModel} over the days since its biofix. Each day's degree-days for the current stage come from
 * the single sine method with horizontal cutoff (Baskerville and Emin 1969; {@link GrowingDegreeDays#singleSine});
 * divided by the stage's thermal constant they give the share of the stage done that day. A stage finished part
 * way through a day hands the rest of the day to the next stage at that stage's own thresholds.
 */
public final class PestPhenology {

    private PestPhenology() {
    }

    /**
     * Where the pest stands after the days since the biofix.
     *
     * @param stage       index of the current stage; equal to the number of stages when the model has run out
     * @param progress    share of the current stage done, 0..1
     * @param stageStarts the date each stage began so far (the biofix for the first)
     */
    public record Status(PestModel model, int stage, double progress, List<LocalDate> stageStarts) {

        public Status {
            stageStarts = List.copyOf(stageStarts);
        }

        public boolean finished() {
            return stage >= model.stages().size();
        }

        public Optional<PestStage> current() {
            return finished() ? Optional.empty() : Optional.of(model.stages().get(stage));
        }

        /** Degree-days done in the current stage. */
        public double degreeDaysInStage() {
            return current().map(s -> progress * s.thermalConstant()).orElse(0.0);
        }
    }

    /** Advances the model from its biofix through {@code days} (consecutive, oldest first, from the biofix day). */
    public static Status run(PestModel model, LocalDate biofix, List<DayTemperatures> days) {
        List<DayTemperatures> checked = DailySeries.requireConsecutive(days, DayTemperatures::date);
        if (!checked.isEmpty() && !checked.get(0).date().equals(biofix)) {
            throw new IllegalArgumentException("the days must start on the biofix " + biofix + ", not " + checked.get(0).date());
        }
        int stage = 0;
        double progress = 0;
        List<LocalDate> starts = new ArrayList<>(List.of(biofix));
        for (DayTemperatures day : checked) {
            double dayLeft = 1;
            while (dayLeft > 1e-12 && stage < model.stages().size()) {
                double rate = rate(model.stages().get(stage), day); // stage share per day
                if (rate <= 0) {
                    break;
                }
                double needed = (1 - progress) / rate; // days to finish the stage at this rate
                if (needed > dayLeft) {
                    progress += rate * dayLeft;
                    dayLeft = 0;
                } else {
                    dayLeft -= needed;
                    stage++;
                    progress = 0;
                    starts.add(dayLeft > 0.5 ? day.date() : day.date().plusDays(1)); // began this day or from the next
                }
            }
        }
        return new Status(model, stage, progress, starts);
    }

    /**
     * The date stage {@code target} is projected to begin if the days to come are like {@code recent} (their
     * mean development rate per stage); empty when it has begun already or recent days give no development.
     */
    public static Optional<LocalDate> projectStart(Status status, int target, List<DayTemperatures> recent, LocalDate today) {
        OptionalDouble days = daysUntil(status, target, recent);
        return days.isPresent() ? Optional.of(today.plusDays((long) Math.ceil(days.getAsDouble()))) : Optional.empty();
    }

    /** Days from the end of the last day run until stage {@code target} begins, at the recent days' rates. */
    public static OptionalDouble daysUntil(Status status, int target, List<DayTemperatures> recent) {
        if (target <= status.stage() || target > status.model().stages().size() || recent.isEmpty()) {
            return OptionalDouble.empty();
        }
        double days = 0;
        for (int s = status.stage(); s < target; s++) {
            double rate = meanRate(status.model().stages().get(s), recent);
            if (rate <= 0) {
                return OptionalDouble.empty();
            }
            days += (s == status.stage() ? 1 - status.progress() : 1) / rate;
        }
        return OptionalDouble.of(days);
    }

    /** Mean degree-days per day of {@code stage} over {@code days}. */
    static double meanDegreeDays(PestStage stage, List<DayTemperatures> days) {
        return days.stream().mapToDouble(d -> degreeDays(stage, d)).average().orElse(0);
    }

    static double degreeDays(PestStage stage, DayTemperatures day) {
        return GrowingDegreeDays.singleSine(day.tMax(), day.tMin(), stage.lowerThreshold(), stage.upperThreshold());
    }

    private static double rate(PestStage stage, DayTemperatures day) {
        return degreeDays(stage, day) / stage.thermalConstant();
    }

    private static double meanRate(PestStage stage, List<DayTemperatures> days) {
        return meanDegreeDays(stage, days) / stage.thermalConstant();
    }
}
