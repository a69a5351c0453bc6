package io.agrisense.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads {@code agri_alert_latency_seconds} (reading to stored and published alert change) from the /metrics text. */
public final class AlertLatencyMetric {

    private AlertLatencyMetric() {
    }

    public static long count(String metrics) {
        Matcher m = Pattern.compile("agri_alert_latency_seconds_count (\\d+)").matcher(metrics);
        assertThat(m.find()).as("agri_alert_latency_seconds_count in /metrics").isTrue();
        return Long.parseLong(m.group(1));
    }

    /**
     * One quantile, e.g. {@code "0.99"}, in seconds, from the histogram: the upper bound of the first bucket that holds
     * that share of the observations, so the quantile is at most this.
     */
    public static double quantile(String metrics, String q) {
        long count = count(metrics);
        Matcher m = Pattern.compile("agri_alert_latency_seconds_bucket\\{le=\"([^\"]+)\"} (\\d+)").matcher(metrics);
        while (m.find()) {
            if (Long.parseLong(m.group(2)) >= Math.ceil(Double.parseDouble(q) * count)) {
                return m.group(1).equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(m.group(1));
            }
        }
        throw new AssertionError("no agri_alert_latency_seconds buckets in /metrics");
    }
}
