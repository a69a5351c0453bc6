package io.agrisense.platform.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.agrisense.embedded.testkit.TestServices;
import io.agrisense.platform.api.LiveStream;
import io.agrisense.platform.ingest.IngestEvents;
import io.agrisense.platform.ingest.StationStatusEvent;
import io.agrisense.platform.testing.Http;
import io.agrisense.platform.testing.PlatformFixture;
import io.agrisense.platform.testing.Publisher;
import io.agrisense.protocol.Metric;
import io.agrisense.protocol.MetricCatalogue;
import io.agrisense.protocol.StationId;
import io.agrisense.protocol.Topics;
import io.agrisense.protocol.senml.Senml;
import io.agrisense.protocol.senml.SenmlFormat;
import io.agrisense.protocol.senml.SenmlPackBuilder;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A station publishes over real MQTT; the readings come back out of the HTTP API exactly. */
class EndToEndIT {

    private static Platform platform;
    private static Http http;
    private static Publisher publisher;
    private static final Instant BASE = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(3, ChronoUnit.HOURS);

    @BeforeAll
    static void start() {
        platform = PlatformFixture.start("e2e");
        http = new Http(platform.httpPort());
        publisher = new Publisher();
    }

    @AfterAll
    static void stop() {
        publisher.close();
        platform.close();
    }

    private static double at(long secondsAfterBase) {
        return BASE.getEpochSecond() + secondsAfterBase;
    }

    private static String series(String station, String metric, String extra) {
        return "/api/v1/series?station=" + station + "&metric=" + metric + "&from=" + BASE + "&to=" + BASE.plus(2, ChronoUnit.HOURS) + extra;
    }

    @Test
    void publishedReadingsComeBackExactlyRawAndBucketed() {
        String st = TestServices.uniqueStationId("e2e");
        StationId id = StationId.of(st);
        byte[] json = Senml.encode(SenmlPackBuilder.forStation(id)
                .add("air_temperature", "Cel", at(0), 20.0)
                .add("air_temperature", "Cel", at(60), 21.0)
                .add("air_temperature", "Cel", at(120), 23.5)
                .add("relative_humidity", "%RH", at(0), 55.5)
                .build(), SenmlFormat.JSON);
        byte[] cbor = Senml.encode(SenmlPackBuilder.forStation(id).add("air_temperature", null, at(3600), 19.25).build(),
                SenmlFormat.CBOR);
        publisher.publish(Topics.telemetry(id), json, false);
        publisher.publish(Topics.telemetry(id), cbor, false);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(points(http.get(series(st, "air_temperature", "")).json())).hasSize(4));

        JsonObject raw = http.get(series(st, "air_temperature", "")).json();
        assertThat(raw.getString("unit")).isEqualTo("Cel");
        assertThat(points(raw)).containsExactly(
                List.of(BASE.toString(), 20.0), List.of(BASE.plusSeconds(60).toString(), 21.0),
                List.of(BASE.plusSeconds(120).toString(), 23.5), List.of(BASE.plusSeconds(3600).toString(), 19.25));

        String hour0 = BASE.toString();
        String hour1 = BASE.plus(1, ChronoUnit.HOURS).toString();
        assertThat(points(http.get(series(st, "air_temperature", "&step=1h&agg=avg")).json()))
                .containsExactly(List.of(hour0, 21.5), List.of(hour1, 19.25));
        assertThat(points(http.get(series(st, "air_temperature", "&step=1h&agg=min")).json()))
                .containsExactly(List.of(hour0, 20.0), List.of(hour1, 19.25));
        assertThat(points(http.get(series(st, "air_temperature", "&step=1h&agg=max")).json()))
                .containsExactly(List.of(hour0, 23.5), List.of(hour1, 19.25));
        assertThat(points(http.get(series(st, "air_temperature", "&step=1h&agg=last")).json()))
                .containsExactly(List.of(hour0, 23.5), List.of(hour1, 19.25));
        assertThat(points(http.get(series(st, "air_temperature", "&step=1h&agg=sum")).json()))
                .containsExactly(List.of(hour0, 64.5), List.of(hour1, 19.25));
        assertThat(points(http.get(series(st, "air_temperature", "&step=1h&agg=count")).json()))
                .containsExactly(List.of(hour0, 3.0), List.of(hour1, 1.0));
        assertThat(points(http.get(series(st, "air_temperature", "&step=1m")).json()))
                .as("avg is the default agg").hasSize(4);

        Http.Reply csv = http.get(series(st, "air_temperature", "&format=csv"));
        assertThat(csv.response().headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        assertThat(csv.body()).isEqualTo("time,value\r\n" + BASE + ",20\r\n" + BASE.plusSeconds(60) + ",21\r\n"
                + BASE.plusSeconds(120) + ",23.5\r\n" + BASE.plusSeconds(3600) + ",19.25\r\n");
        assertThat(http.get(series(st, "air_temperature", "&step=1h&agg=max&format=csv")).body())
                .isEqualTo("time,max\r\n" + hour0 + ",23.5\r\n" + hour1 + ",19.25\r\n");

        JsonObject latest = http.get("/api/v1/stations/" + st + "/latest").json();
        assertThat(latest.getJsonArray("readings").stream().map(o -> (JsonObject) o)
                .filter(o -> MetricCatalogue.require(o.getString("metric")).origin() == Metric.Origin.MEASURED) // models add dew_point etc.
                .map(o -> o.getString("metric") + " " + o.getDouble("value") + " " + o.getString("unit") + " " + o.getString("time")))
                .containsExactly("air_temperature 19.25 Cel " + BASE.plusSeconds(3600),
                        "relative_humidity 55.5 %RH " + BASE);

        JsonObject station = http.get("/api/v1/stations/" + st).json();
        assertThat(station.getLong("reading_count")).isEqualTo(5);
        assertThat(station.getString("status")).isEqualTo("unknown");
        assertThat(http.get("/api/v1/stations").json().getJsonArray("stations").stream()
                .map(o -> ((JsonObject) o).getString("id"))).contains(st);
    }

    @Test
    void implausibleFutureAndUnknownReadingsAreRejectedWithTheirReasonAndVisible() throws Exception {
        String st = TestServices.uniqueStationId("rej");
        StationId id = StationId.of(st);
        double now = Instant.now().getEpochSecond();
        publisher.publish(Topics.telemetry(id), new String(Senml.encode(SenmlPackBuilder.forStation(id)
                .add("air_temperature", "Cel", at(0), 99.5)
                .add("air_temperature", "Cel", now + 3600, 20.0)
                .add("leaf_colour", null, at(0), 3.0)
                .add("soil_moisture", "%", at(0), 31.5)
                .addString("event", at(30), "irrigation valve opened: soil_moisture 18 < 20")
                .build(), SenmlFormat.JSON), StandardCharsets.UTF_8));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(http.get("/api/v1/rejected?station=" + st).json().getJsonArray("rejected")).hasSize(3));
        JsonArray rejected = http.get("/api/v1/rejected?station=" + st).json().getJsonArray("rejected");
        assertThat(rejected.stream().map(o -> (JsonObject) o).map(o -> o.getString("reason_code") + ": " + o.getString("reason")))
                .hasSize(3)
                .contains("out_of_range: air_temperature value 99.5 Cel is outside the plausible range -60.0..85.0",
                        "unknown_metric: unknown metric 'leaf_colour'")
                .anySatisfy(r -> assertThat(r).matches("future_time: time "
                        + java.util.regex.Pattern.quote(Instant.ofEpochSecond((long) now + 3600).toString())
                        + " is 3(5\\d\\d|600) s ahead of the platform clock \\(more than 300 s\\)"));
        assertThat(rejected.getJsonObject(0).getString("source")).isEqualTo("mqtt");
        assertThat(rejected.getJsonObject(0).getString("payload_excerpt")).startsWith("[{\"bn\":\"urn:dev:agri:" + st + ":\"");
        assertThat(http.get("/api/v1/rejected?station=" + st + "&reason=out_of_range").json().getJsonArray("rejected")).hasSize(1);

        assertThat(points(http.get(series(st, "soil_moisture", "")).json())).containsExactly(List.of(BASE.toString(), 31.5));
        assertThat(http.get("/api/v1/stations/" + st).json().getLong("rejected_count")).isEqualTo(3);
        assertThat(query("SELECT event FROM station_events WHERE station_id = '" + st + "'"))
                .isEqualTo("irrigation valve opened: soil_moisture 18 < 20");
        assertThat(http.get("/metrics").body()).contains("agri_readings_rejected_total{reason=\"out_of_range\"}");
    }

    @Test
    void aRepeatedTimeWithAnotherValueIsRejectedNotOverwritten() {
        String st = TestServices.uniqueStationId("dup");
        StationId id = StationId.of(st);
        publisher.publish(Topics.telemetry(id), Senml.encode(SenmlPackBuilder.forStation(id).add("ph", "pH", at(0), 7.0).build(), SenmlFormat.JSON), false);
        await().atMost(Duration.ofSeconds(20)).until(() -> points(http.get(series(st, "ph", "")).json()).size() == 1);

        publisher.publish(Topics.telemetry(id), Senml.encode(SenmlPackBuilder.forStation(id).add("ph", "pH", at(0), 7.0).build(), SenmlFormat.JSON), false);
        publisher.publish(Topics.telemetry(id), Senml.encode(SenmlPackBuilder.forStation(id).add("ph", "pH", at(0), 8.5).build(), SenmlFormat.JSON), false);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(http.get("/api/v1/rejected?station=" + st).json().getJsonArray("rejected")).singleElement()
                        .satisfies(o -> {
                            JsonObject r = (JsonObject) o;
                            assertThat(r.getString("reason")).isEqualTo("duplicate time with a different value (stored 7.0)");
                            assertThat(r.getDouble("value")).isEqualTo(8.5);
                        }));
        assertThat(points(http.get(series(st, "ph", "")).json())).containsExactly(List.of(BASE.toString(), 7.0));
    }

    @Test
    void theRetainedStatusTopicRegistersTheStationAndIsPublishedOnTheEventBus() {
        String st = TestServices.uniqueStationId("status");
        StationId id = StationId.of(st);
        List<StationStatusEvent> events = new CopyOnWriteArrayList<>();
        platform.vertx().eventBus().<StationStatusEvent>localConsumer(IngestEvents.STATION_STATUS, m -> {
            if (m.body().station().equals(st)) {
                events.add(m.body());
            }
        });
        try {
            publisher.publish(Topics.status(id), """
                    {"state":"online","profile":"crayfish_pond","name":"Pond 3","version":"0.1.0"}""".getBytes(StandardCharsets.UTF_8), true);
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                JsonObject s = http.get("/api/v1/stations/" + st).json();
                assertThat(s.getString("status")).isEqualTo("online");
                assertThat(s.getString("profile")).isEqualTo("crayfish_pond");
                assertThat(s.getString("name")).isEqualTo("Pond 3");
                assertThat(s.getString("agent_version")).isEqualTo("0.1.0");
            });
            publisher.publish(Topics.status(id), "{\"state\":\"offline\"}".getBytes(StandardCharsets.UTF_8), true);
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                    assertThat(events).extracting(StationStatusEvent::online).containsExactly(true, false));
            assertThat(events.get(0).profile()).isEqualTo("crayfish_pond");
            assertThat(http.get("/api/v1/stations/" + st).json().getString("profile")).isEqualTo("crayfish_pond");
        } finally {
            publisher.publish(Topics.status(id), new byte[0], true); // clear the retained message on a shared broker
        }
    }

    @Test
    void theLiveStreamDeliversStoredReadingsAndAlerts() throws Exception {
        String st = TestServices.uniqueStationId("sse");
        StationId id = StationId.of(st);
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        HttpRequest request = HttpRequest.newBuilder(URI.create(http.base() + "/api/v1/stream?station=" + st)).GET().build();
        HttpResponse<InputStream> response = http.client().send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/event-stream"));
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    lines.add(line);
                }
            } catch (Exception e) {
                // stream closed
            }
        });
        reader.setDaemon(true);
        reader.start();
        try {
            assertThat(lines.poll(10, TimeUnit.SECONDS)).isEqualTo("retry: 3000");
            publisher.publish(Topics.telemetry(id), Senml.encode(SenmlPackBuilder.forStation(id)
                    .add("dissolved_oxygen", "mg/L", at(0), 2.75).build(), SenmlFormat.JSON), false);
            String data = nextData(lines, "reading");
            JsonObject reading = new JsonObject(data);
            assertThat(reading.getString("station")).isEqualTo(st);
            assertThat(reading.getString("metric")).isEqualTo("dissolved_oxygen");
            assertThat(reading.getDouble("value")).isEqualTo(2.75);
            assertThat(reading.getString("time")).isEqualTo(BASE.toString());
            assertThat(reading.getString("unit")).isEqualTo("mg/L");

            platform.vertx().eventBus().publish(LiveStream.ALERTS_ADDRESS,
                    new JsonObject().put("station", st).put("rule", "low_do").put("state", "firing"));
            assertThat(new JsonObject(nextData(lines, "alert")).getString("rule")).isEqualTo("low_do");
            assertThat(nextLineStartingWith(lines, ": keep-alive")).isNotNull();
        } finally {
            response.body().close();
        }
    }

    private static String nextData(BlockingQueue<String> lines, String event) throws InterruptedException {
        nextLineStartingWith(lines, "event: " + event);
        String data = lines.poll(10, TimeUnit.SECONDS);
        assertThat(data).startsWith("data: ");
        return data.substring("data: ".length());
    }

    private static String nextLineStartingWith(BlockingQueue<String> lines, String prefix) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < deadline) {
            String line = lines.poll(1, TimeUnit.SECONDS);
            if (line != null && line.startsWith(prefix)) {
                return line;
            }
        }
        throw new AssertionError("no line starting with '" + prefix + "' within 15 s");
    }

    /** [[time, value], ...] of a series answer. */
    static List<List<Object>> points(JsonObject series) {
        return Http.points(series);
    }

    private static String query(String sql) throws Exception {
        try (Connection c = platform.database().dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }
}
