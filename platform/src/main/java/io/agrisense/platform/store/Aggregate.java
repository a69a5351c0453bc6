package io.agrisense.platform.store;

import java.util.Locale;

/** How readings in one time bucket are combined. */
public enum Aggregate {
    AVG("avg(value)"),
    MIN("min(value)"),
    MAX("max(value)"),
    SUM("sum(value)"),
    COUNT("count(*)"),
    /** The value with the latest time in the bucket. */
    LAST("(array_agg(value ORDER BY ts DESC))[1]");

    private final String sql;

    Aggregate(String sql) {
        this.sql = sql;
    }

    String sql() {
        return sql;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException listing the accepted names */
    public static Aggregate parse(String text) {
        for (Aggregate a : values()) {
            if (a.label().equals(text)) {
                return a;
            }
        }
        throw new IllegalArgumentException("unknown agg '" + text + "': use avg, min, max, sum, count or last");
    }
}
