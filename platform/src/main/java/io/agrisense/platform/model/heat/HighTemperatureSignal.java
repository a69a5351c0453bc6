package io.agrisense.platform.model.heat;

import io.agrisense.platform.model.warning.SignalLevel;
import java.util.List;
import java.util.Optional;

/**
 * The CMA high-temperature warning signal (CMA Order No. 16, 2007, 高温预警信号) on observed daily maxima: yellow
 * for three consecutive days at 35 degrees Celsius or above, orange for a day reaching 37, red for 40. The CMA
 * issues the signal on the forecast; a station can only say it on what it measured, so this is the observed form.
 */
public final class HighTemperatureSignal {

    static final double HOT_DAY = 35;

    private HighTemperatureSignal() {
    }

    /** The signal for the last of {@code days} (consecutive, oldest first). */
    public static Optional<SignalLevel> of(List<DailyMaximum> days) {
        if (days.isEmpty()) {
            return Optional.empty();
        }
        double today = days.get(days.size() - 1).celsius();
        if (today >= 40) {
            return Optional.of(SignalLevel.RED);
        }
        if (today >= 37) {
            return Optional.of(SignalLevel.ORANGE);
        }
        if (days.size() >= 3 && days.subList(days.size() - 3, days.size()).stream().allMatch(d -> d.celsius() >= HOT_DAY)) {
            return Optional.of(SignalLevel.YELLOW);
        }
        return Optional.empty();
    }

    /** Days of {@code days} at or above 35 degrees Celsius, the CMA's high-temperature day. */
    public static long hotDays(List<DailyMaximum> days) {
        return days.stream().filter(d -> d.celsius() >= HOT_DAY).count();
    }
}
