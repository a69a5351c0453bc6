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

    /** One quantile, e.g. {@code "0.99"}, in seconds. */
    public static double quantile(String metrics, String q) {
        Matcher m = Pattern.compile("agri_alert_latency_seconds\\{quantile=\"" + Pattern.quote(q) + "\"} (\\S+)").matcher(metrics);
        assertThat(m.find()).as("agri_alert_latency_seconds in /metrics").isTrue();
        return Double.parseDouble(m.group(1));
    }
}
