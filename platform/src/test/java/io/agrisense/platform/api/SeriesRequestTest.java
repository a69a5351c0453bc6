package io.agrisense.platform.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agrisense.platform.http.ApiException;
import io.agrisense.platform.store.Aggregate;
import io.agrisense.platform.store.SeriesReader.Point;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SeriesRequestTest {

    private static final Instant NOW = Instant.parse("2024-05-02T00:00:00Z");

    private static Map<String, List<String>> query(String... pairs) {
        Map<String, List<String>> q = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            q.computeIfAbsent(pairs[i], k -> new java.util.ArrayList<>()).add(pairs[i + 1]);
        }
        return q;
    }

    private static SeriesRequest parse(String... pairs) {
        return SeriesRequest.parse(query(pairs), NOW);
    }

    private static void rejects(String message, String... pairs) {
        assertThatThrownBy(() -> parse(pairs)).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.getMessage()).isEqualTo(message);
        });
    }

    @Test
    void rawRequestWithDefaultsCoversTheLastDay() {
        SeriesRequest r = parse("station", "pond-3", "metric", "dissolved_oxygen");
        assertThat(r.to()).isEqualTo(NOW);
        assertThat(r.from()).isEqualTo(NOW.minus(Duration.ofHours(24)));
        assertThat(r.bucketed()).isFalse();
        assertThat(r.agg()).isNull();
        assertThat(r.format()).isEqualTo(SeriesRequest.Format.JSON);
        assertThat(r.metric().unit()).isEqualTo("mg/L");
    }

    @Test
    void bucketedRequestParsesEveryParameter() {
        SeriesRequest r = parse("station", "pond-3", "metric", "ph", "from", "2024-05-01T08:00:00+08:00", "to", "2024-05-02",
                "step", "PT15M", "agg", "last", "format", "csv");
        assertThat(r.from()).isEqualTo(Instant.parse("2024-05-01T00:00:00Z"));
        assertThat(r.to()).isEqualTo(Instant.parse("2024-05-02T00:00:00Z"));
        assertThat(r.step()).isEqualTo(Duration.ofMinutes(15));
        assertThat(r.agg()).isEqualTo(Aggregate.LAST);
        assertThat(r.format()).isEqualTo(SeriesRequest.Format.CSV);
    }

    @Test
    void stepWithoutAggAveragesAndTheLimitIsOneHundredThousandBuckets() {
        SeriesRequest r = parse("station", "s", "metric", "ph", "from", "2024-01-01T00:00:00Z", "to", "2024-01-02T03:46:40Z", "step", "1s");
        assertThat(r.agg()).isEqualTo(Aggregate.AVG);
        assertThat(r.step()).isEqualTo(Duration.ofSeconds(1));
        rejects("step 1s is too small for the range of 100001s: 100001 buckets (at most 100000); use a step of at least 2s",
                "station", "s", "metric", "ph", "from", "2024-01-01T00:00:00Z", "to", "2024-01-02T03:46:41Z", "step", "1s");
    }

    @Test
    void everyBadParameterIsNamed() {
        rejects("station is required", "metric", "ph");
        rejects("station 'a/b' is not a station id (1-64 characters of A-Z a-z 0-9 _ -)", "station", "a/b", "metric", "ph");
        rejects("metric is required", "station", "s");
        rejects("metric 'leaf_colour' is not in the metric catalogue", "station", "s", "metric", "leaf_colour");
        rejects("to 'now' is not an ISO-8601 time such as 2024-05-01T06:00:00Z", "station", "s", "metric", "ph", "to", "now");
        rejects("from (2024-05-02T00:00:00Z) must be before to (2024-05-02T00:00:00Z)",
                "station", "s", "metric", "ph", "from", "2024-05-02T00:00:00Z");
        rejects("step 500ms is shorter than the smallest step, 1s", "station", "s", "metric", "ph", "step", "500ms");
        rejects("step 1500ms must be whole seconds", "station", "s", "metric", "ph", "step", "1500ms");
        rejects("step: 'often' is not a duration: use e.g. 30s, 5m, 1h, 1d or PT5M", "station", "s", "metric", "ph", "step", "often");
        rejects("unknown agg 'mean': use avg, min, max, sum, count or last", "station", "s", "metric", "ph", "step", "1h", "agg", "mean");
        rejects("agg needs step (e.g. step=5m&agg=min)", "station", "s", "metric", "ph", "agg", "min");
        rejects("format 'xlsx' is not json or csv", "station", "s", "metric", "ph", "format", "xlsx");
        rejects("parameter 'metric' is given more than once", "station", "s", "metric", "ph", "metric", "co2");
        rejects("unknown parameter 'limit' (known: station, metric, from, to, step, agg, format)", "station", "s", "metric", "ph",
                "limit", "5");
    }

    @Test
    void csvHasAHeaderLineAndOneLinePerPoint() {
        SeriesRequest raw = parse("station", "s", "metric", "air_temperature");
        SeriesRequest max = parse("station", "s", "metric", "air_temperature", "step", "1h", "agg", "max");
        List<Point> points = List.of(new Point(Instant.parse("2024-05-01T00:00:00Z"), 21.5),
                new Point(Instant.parse("2024-05-01T01:00:00Z"), -3.0));

        assertThat(SeriesFormat.csv(raw, points)).isEqualTo("time,value\r\n2024-05-01T00:00:00Z,21.5\r\n2024-05-01T01:00:00Z,-3\r\n");
        assertThat(SeriesFormat.csv(max, List.of())).isEqualTo("time,max\r\n");
        assertThat(SeriesFormat.json(max, points).encode()).contains("\"step\":\"1h\"", "\"agg\":\"max\"", "\"unit\":\"Cel\"",
                "{\"time\":\"2024-05-01T01:00:00Z\",\"value\":-3.0}");
    }
}
