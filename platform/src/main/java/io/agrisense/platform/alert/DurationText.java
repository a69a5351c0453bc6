package io.agrisense.platform.alert;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as people write them in rule files: "90s", "15m", "1h30m", "2d", or ISO-8601 "PT15M". */
public final class DurationText {

    private static final Pattern SHORT = Pattern.compile("(?:(\\d+)d)?(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?");

    private DurationText() {
    }

    public static Duration parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a duration is required, e.g. 15m");
        }
        String t = text.trim();
        if (t.startsWith("P") || t.startsWith("p")) {
            try {
                return Duration.parse(t);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("'" + text + "' is not an ISO-8601 duration");
            }
        }
        Matcher m = SHORT.matcher(t);
        if (!m.matches() || t.isEmpty()) {
            throw new IllegalArgumentException("'" + text + "' is not a duration like 90s, 15m, 1h30m, 2d or PT15M");
        }
        try {
            Duration d = Duration.ZERO;
            d = d.plusDays(number(m.group(1)));
            d = d.plusHours(number(m.group(2)));
            d = d.plusMinutes(number(m.group(3)));
            return d.plusSeconds(number(m.group(4)));
        } catch (ArithmeticException e) { // beyond what a Duration holds (a fuzz finding)
            throw new IllegalArgumentException("'" + text + "' is too long a duration");
        }
    }

    /** The short form: 1h30m, 15m, 90s shows as 1m30s, zero as 0s. */
    public static String format(Duration d) {
        if (d.isZero()) {
            return "0s";
        }
        StringBuilder sb = new StringBuilder();
        long days = d.toDays();
        if (days > 0) {
            sb.append(days).append('d');
        }
        if (d.toHoursPart() > 0) {
            sb.append(d.toHoursPart()).append('h');
        }
        if (d.toMinutesPart() > 0) {
            sb.append(d.toMinutesPart()).append('m');
        }
        if (d.toSecondsPart() > 0) {
            sb.append(d.toSecondsPart()).append('s');
        }
        return sb.toString();
    }

    private static long number(String group) {
        return group == null ? 0 : Long.parseLong(group);
    }
}
