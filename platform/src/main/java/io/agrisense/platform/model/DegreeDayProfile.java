package io.agrisense.platform.model;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A crop's or pest's degree-day model as configured (YAML), e.g. a moth with base 10 and cutoff 31 degrees
 * and stages "first flight" at 100 degree days and "egg hatch" at 250.
 *
 * @param name            what is modelled
 * @param baseTemperature development threshold, degrees Celsius
 * @param upperCutoff     horizontal cutoff, degrees Celsius, or null
 * @param method          averaging method, {@link GrowingDegreeDays.Method#AVERAGE} when null
 * @param stages          stages reached at an accumulated sum (any order)
 */
public record DegreeDayProfile(String name, double baseTemperature, Double upperCutoff,
                               GrowingDegreeDays.Method method, List<Stage> stages) {

    /** A phenology or pest stage reached when the accumulated degree days reach {@code degreeDays}. */
    public record Stage(String name, double degreeDays) {
    }

    /** Where an accumulated sum stands among the stages. */
    public record Progress(double accumulated, Optional<Stage> reached, Optional<Stage> next, double remainingToNext) {
    }

    public DegreeDayProfile {
        if (upperCutoff != null && upperCutoff <= baseTemperature) {
            throw new IllegalArgumentException("degree-day profile '" + name + "': upper cutoff " + upperCutoff
                    + " must be above the base temperature " + baseTemperature);
        }
        stages = stages == null ? List.of()
                : stages.stream().sorted(Comparator.comparingDouble(Stage::degreeDays)).toList();
    }

    GrowingDegreeDays.Method methodOrDefault() {
        return method == null ? GrowingDegreeDays.Method.AVERAGE : method;
    }

    public Progress progress(double accumulated) {
        Stage reached = null;
        Stage next = null;
        for (Stage s : stages) {
            if (accumulated >= s.degreeDays()) {
                reached = s;
            } else {
                next = s;
                break;
            }
        }
        double remaining = next == null ? 0 : next.degreeDays() - accumulated;
        return new Progress(accumulated, Optional.ofNullable(reached), Optional.ofNullable(next), remaining);
    }
}
