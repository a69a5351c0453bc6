package io.agrisense.platform.api;

import io.agrisense.platform.config.Durations;
import io.agrisense.platform.http.ApiException;
import io.agrisense.platform.store.Aggregate;
import io.agrisense.protocol.Metric;
import io.agrisense.protocol.MetricCatalogue;
import io.agrisense.protocol.StationId;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The validated parameters of {@code GET /api/v1/series}. Every problem is a 400 naming the parameter.
 * {@code step} null means raw points; then {@code agg} is null too.
 */
public record SeriesRequest(String station, Metric metric, Instant from, Instant to, Duration step, Aggregate agg,
                            Format format) {

    /** At most this many buckets or raw points per request. */
    public static final int MAX_POINTS = 100_000;
    public static final Duration DEFAULT_RANGE = Duration.ofHours(24);
    private static final Set<String> KNOWN = Set.of("station", "metric", "from", "to", "step", "agg", "format");

    public enum Format { JSON, CSV }

    public boolean bucketed() {
        return step != null;
    }

    /** @param params query parameters, name → values; {@code now} is the default {@code to}. */
    public static SeriesRequest parse(Map<String, List<String>> params, Instant now) {
        for (Map.Entry<String, List<String>> e : params.entrySet()) {
            if (!KNOWN.contains(e.getKey())) {
                throw ApiException.badRequest("unknown parameter '" + e.getKey()
                        + "' (known: station, metric, from, to, step, agg, format)");
            }
            if (e.getValue().size() > 1) {
                throw ApiException.badRequest("parameter '" + e.getKey() + "' is given more than once");
            }
        }
        String station = single(params, "station");
        if (station == null) {
            throw ApiException.badRequest("station is required");
        }
        if (!StationId.isValid(station)) {
            throw ApiException.badRequest("station '" + station + "' is not a station id (1-64 characters of A-Z a-z 0-9 _ -)");
        }
        String metricName = single(params, "metric");
        if (metricName == null) {
            throw ApiException.badRequest("metric is required");
        }
        Metric metric = MetricCatalogue.lookup(metricName)
                .orElseThrow(() -> ApiException.badRequest("metric '" + metricName + "' is not in the metric catalogue"));
        Instant to = time(params, "to", now);
        Instant from = time(params, "from", to.minus(DEFAULT_RANGE));
        if (!from.isBefore(to)) {
            throw ApiException.badRequest("from (" + from + ") must be before to (" + to + ")");
        }
        Duration step = step(single(params, "step"), from, to);
        String aggText = single(params, "agg");
        Aggregate agg = null;
        if (aggText != null && step == null) {
            throw ApiException.badRequest("agg needs step (e.g. step=5m&agg=" + aggText + ")");
        }
        if (step != null) {
            try {
                agg = aggText == null ? Aggregate.AVG : Aggregate.parse(aggText);
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest(e.getMessage());
            }
        }
        String formatText = single(params, "format");
        Format format;
        if (formatText == null || formatText.equals("json")) {
            format = Format.JSON;
        } else if (formatText.equals("csv")) {
            format = Format.CSV;
        } else {
            throw ApiException.badRequest("format '" + formatText + "' is not json or csv");
        }
        return new SeriesRequest(station, metric, from, to, step, agg, format);
    }

    private static Duration step(String text, Instant from, Instant to) {
        if (text == null) {
            return null;
        }
        Duration step;
        try {
            step = Durations.parse(text);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("step: " + e.getMessage());
        }
        if (step.compareTo(Duration.ofSeconds(1)) < 0) {
            throw ApiException.badRequest("step " + text + " is shorter than the smallest step, 1s");
        }
        if (step.toNanos() % 1_000_000_000L != 0) {
            throw ApiException.badRequest("step " + text + " must be whole seconds");
        }
        Duration range = Duration.between(from, to);
        long seconds = step.toSeconds();
        long buckets = (range.toSeconds() + seconds - 1) / seconds;
        if (buckets > MAX_POINTS) {
            long minimum = (range.toSeconds() + MAX_POINTS - 1) / MAX_POINTS;
            throw ApiException.badRequest("step " + text + " is too small for the range of " + Durations.format(range)
                    + ": " + buckets + " buckets (at most " + MAX_POINTS + "); use a step of at least " + minimum + "s");
        }
        return step;
    }

    private static Instant time(Map<String, List<String>> params, String name, Instant fallback) {
        String text = single(params, name);
        if (text == null) {
            return fallback;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            // try the other ISO-8601 forms
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            // next
        }
        try {
            return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest(name + " '" + text + "' is not an ISO-8601 time such as 2024-05-01T06:00:00Z");
        }
    }

    private static String single(Map<String, List<String>> params, String name) {
        List<String> values = params.get(name);
        if (values == null || values.isEmpty()) {
            return null;
        }
        String v = values.get(0).trim();
        return v.isEmpty() ? null : v;
    }
}
