package io.agrisense.platform.model.rain;

import java.util.Locale;

/**
 * Rainfall grades of GB/T 28592-2012 "Grade of precipitation" Table 1, over 12 and 24 hours (mm): trace below
 * 0.1; light 0.1-4.9 / 0.1-9.9; moderate 5.0-14.9 / 10.0-24.9; heavy 15.0-29.9 / 25.0-49.9; rainstorm
 * 30.0-69.9 / 50.0-99.9; heavy rainstorm 70.0-139.9 / 100.0-249.9; extreme rainstorm from 140.0 / 250.0. The
 * standard prints amounts to 0.1 mm, so an amount is rounded to 0.1 mm before it is graded.
 */
public enum PrecipitationGrade {
    TRACE("微量降雨", 0, 0), LIGHT("小雨", 0.1, 0.1), MODERATE("中雨", 5, 10), HEAVY("大雨", 15, 25),
    RAINSTORM("暴雨", 30, 50), HEAVY_RAINSTORM("大暴雨", 70, 100), EXTREME_RAINSTORM("特大暴雨", 140, 250);

    private final String chineseName;
    private final double from12h;
    private final double from24h;

    PrecipitationGrade(String chineseName, double from12h, double from24h) {
        this.chineseName = chineseName;
        this.from12h = from12h;
        this.from24h = from24h;
    }

    public String chineseName() {
        return chineseName;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    public static PrecipitationGrade of12Hours(double mm) {
        return grade(mm, true);
    }

    public static PrecipitationGrade of24Hours(double mm) {
        return grade(mm, false);
    }

    private static PrecipitationGrade grade(double mm, boolean twelveHours) {
        if (!(mm >= 0) || Double.isInfinite(mm)) {
            throw new IllegalArgumentException("rain amount " + mm + " mm must be a finite amount >= 0");
        }
        double tenths = Math.round(mm * 10) / 10.0; // read to 0.1 mm as the standard does
        PrecipitationGrade result = TRACE;
        for (PrecipitationGrade g : values()) {
            if (g != TRACE && tenths >= (twelveHours ? g.from12h : g.from24h)) {
                result = g;
            }
        }
        return result;
    }
}
