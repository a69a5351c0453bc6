package io.agrisense.platform.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.DoubleSupplier;

/**
 * The platform's metrics, rendered in the Prometheus text exposition format (version 0.0.4) for {@code /metrics}.
 * Deliberately small: counters (optionally labelled), gauges read on scrape, and summaries over a sliding window.
 */
public final class MetricsRegistry {

    private final List<Family> families = new CopyOnWriteArrayList<>();

    /** A monotonically increasing count; Prometheus names end in {@code _total}. */
    public Counter counter(String name, String help, String... labelNames) {
        Counter c = new Counter(name, help, labelNames);
        families.add(c);
        return c;
    }

    public void gauge(String name, String help, DoubleSupplier value) {
        families.add(new Family(name, help, "gauge") {
            @Override
            void render(StringBuilder out) {
                sample(out, name, "", value.getAsDouble());
            }
        });
    }

    public Summary summary(String name, String help) {
        Summary s = new Summary(name, help);
        families.add(s);
        return s;
    }

    public String render() {
        StringBuilder out = new StringBuilder(4096);
        for (Family f : families) {
            out.append("# HELP ").append(f.name).append(' ').append(f.help.replace("\\", "\\\\").replace("\n", "\\n")).append('\n');
            out.append("# TYPE ").append(f.name).append(' ').append(f.type).append('\n');
            f.render(out);
        }
        return out.toString();
    }

    static void sample(StringBuilder out, String name, String labels, double value) {
        out.append(name).append(labels).append(' ').append(format(value)).append('\n');
    }

    static String format(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "+Inf" : "-Inf";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return String.format(Locale.ROOT, "%s", v);
    }

    static String escape(String labelValue) {
        return labelValue.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    abstract static class Family {
        final String name;
        final String help;
        final String type;

        Family(String name, String help, String type) {
            this.name = name;
            this.help = help;
            this.type = type;
        }

        abstract void render(StringBuilder out);
    }

    /** A counter family; {@link #inc(String...)} takes one value per label name. */
    public static final class Counter extends Family {
        private final String[] labelNames;
        private final Map<List<String>, LongAdder> series = new ConcurrentHashMap<>();

        Counter(String name, String help, String[] labelNames) {
            super(name, help, "counter");
            this.labelNames = labelNames.clone();
            if (labelNames.length == 0) {
                series.put(List.of(), new LongAdder());
            }
        }

        public void inc(String... labelValues) {
            add(1, labelValues);
        }

        public void add(long n, String... labelValues) {
            if (labelValues.length != labelNames.length) {
                throw new IllegalArgumentException(name + " takes labels " + Arrays.toString(labelNames));
            }
            series.computeIfAbsent(List.of(labelValues), k -> new LongAdder()).add(n);
        }

        public long value(String... labelValues) {
            LongAdder a = series.get(List.of(labelValues));
            return a == null ? 0 : a.sum();
        }

        /** Every labelled series and its count, e.g. rejections by reason. */
        public Map<List<String>, Long> values() {
            Map<List<String>, Long> copy = new TreeMap<>((a, b) -> String.join("\u0000", a).compareTo(String.join("\u0000", b)));
            series.forEach((k, v) -> copy.put(k, v.sum()));
            return copy;
        }

        @Override
        void render(StringBuilder out) {
            values().forEach((labels, v) -> sample(out, name, labelText(labels), v));
        }

        private String labelText(List<String> values) {
            if (values.isEmpty()) {
                return "";
            }
            List<String> parts = new ArrayList<>();
            for (int i = 0; i < labelNames.length; i++) {
                parts.add(labelNames[i] + "=\"" + escape(values.get(i)) + "\"");
            }
            return "{" + String.join(",", parts) + "}";
        }
    }

    /** Count, sum and quantiles (0.5, 0.9, 0.99) of the last 1024 observations. */
    public static final class Summary extends Family {
        private static final double[] QUANTILES = {0.5, 0.9, 0.99};
        private final double[] window = new double[1024];
        private int filled;
        private int next;
        private long count;
        private double sum;

        Summary(String name, String help) {
            super(name, help, "summary");
        }

        public synchronized void observe(double value) {
            window[next] = value;
            next = (next + 1) % window.length;
            filled = Math.min(filled + 1, window.length);
            count++;
            sum += value;
        }

        public synchronized long count() {
            return count;
        }

        public synchronized double sum() {
            return sum;
        }

        /** The q-quantile of the recent window; NaN before the first observation. */
        public synchronized double quantile(double q) {
            if (filled == 0) {
                return Double.NaN;
            }
            double[] sorted = Arrays.copyOf(window, filled);
            Arrays.sort(sorted);
            int rank = (int) Math.ceil(q * filled) - 1;
            return sorted[Math.max(0, Math.min(filled - 1, rank))];
        }

        @Override
        void render(StringBuilder out) {
            for (double q : QUANTILES) {
                sample(out, name, "{quantile=\"" + q + "\"}", quantile(q));
            }
            synchronized (this) {
                sample(out, name + "_sum", "", sum);
                sample(out, name + "_count", "", count);
            }
        }
    }
}
