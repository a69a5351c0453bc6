package io.agrisense.platform.model.warning;

import java.util.Locale;

/**
 * The four colours of the China Meteorological Administration's early-warning signals (CMA Order No. 16,
 * 2007, 气象灾害预警信号发布与传播办法): grade IV general (blue), III relatively serious (yellow), II serious
 * (orange), I particularly serious (red), by the harm, urgency and development a hazard may bring. Hazards the
 * CMA signals cover (rainstorm, gale, high temperature, frost) use its thresholds; the others map their own
 * published classes onto the same scale, each documented in its model.
 */
public enum SignalLevel {
    BLUE("蓝色", "IV"), YELLOW("黄色", "III"), ORANGE("橙色", "II"), RED("红色", "I");

    private final String chineseName;
    private final String grade;

    SignalLevel(String chineseName, String grade) {
        this.chineseName = chineseName;
        this.grade = grade;
    }

    public String chineseName() {
        return chineseName;
    }

    /** The Roman-numeral grade, I the most serious. */
    public String grade() {
        return grade;
    }

    public boolean isAtLeast(SignalLevel other) {
        return compareTo(other) >= 0;
    }

    public static SignalLevel max(SignalLevel a, SignalLevel b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
