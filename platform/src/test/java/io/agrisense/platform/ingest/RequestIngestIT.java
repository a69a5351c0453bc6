package io.agrisense.platform.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.agrisense.embedded.testkit.TestServices;
import io.agrisense.platform.app.Platform;
import io.agrisense.platform.testing.Http;
import io.agrisense.platform.testing.PlatformFixture;
import io.agrisense.protocol.StationId;
import io.agrisense.protocol.senml.Senml;
import io.agrisense.protocol.senml.SenmlFormat;
import io.agrisense.protocol.senml.SenmlPackBuilder;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.californium.core.CoapClient;
import org.eclipse.californium.core.CoapResponse;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.eclipse.californium.core.config.CoapConfig;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.elements.config.UdpConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** HTTP and CoAP ingest answer only after commit; bad input gets a clear error and stores nothing. */
class RequestIngestIT {

    private static Platform platform;
    private static Http http;
    private static CoapEndpoint coapEndpoint;
    private static final Instant T = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(10, ChronoUnit.MINUTES);

    @BeforeAll
    static void start() {
        platform = Platform.start(PlatformFixture.config("req", java.util.Map.of(
                "http", "bodyLimitBytes: 4096", "coap", "maxBodyBytes: 2048")), Platform.Extensions.none());
        http = new Http(platform.httpPort());
        CoapConfig.register();
        UdpConfig.register();
        coapEndpoint = new CoapEndpoint.Builder().setConfiguration(Configuration.createStandardWithoutFile()).build();
    }

    @AfterAll
    static void stop() {
        coapEndpoint.destroy();
        platform.close();
    }

    private static byte[] pack(String station, double value) {
        return Senml.encode(SenmlPackBuilder.forStation(StationId.of(station))
                .add("water_temperature", "Cel", T.getEpochSecond(), value)
                .add("dissolved_oxygen", "mg/L", T.getEpochSecond(), 6.5)
                .build(), SenmlFormat.JSON);
    }

    private static int stored(String station) {
        return (int) (long) http.get("/api/v1/stations/" + station).json().getLong("reading_count", 0L);
    }

    @Test
    void httpIngestAnswersWithCountsAfterCommit() {
        String st = TestServices.uniqueStationId("http");
        Http.Reply reply = http.post("/api/v1/stations/" + st + "/telemetry", "application/senml+json", pack(st, 18.5));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().getInteger("stored")).isEqualTo(2);
        assertThat(reply.json().getInteger("rejected")).isZero();
        // Committed before the answer: visible at once, no waiting. (A derived do_saturation, written by the models
        // after the commit, may or may not be there yet.)
        assertThat(http.get("/api/v1/stations/" + st + "/latest").json().getJsonArray("readings").stream()
                .map(o -> ((JsonObject) o).getString("metric")).filter(m -> !m.equals("do_saturation")))
                .containsExactlyInAnyOrder("water_temperature", "dissolved_oxygen");

        Http.Reply again = http.post("/api/v1/stations/" + st + "/telemetry", "application/senml+json", pack(st, 18.5));
        assertThat(again.json().getInteger("stored")).isZero();
        assertThat(again.json().getInteger("duplicates")).isEqualTo(2);

        Http.Reply cbor = http.post("/api/v1/stations/" + st + "/telemetry", "application/senml+cbor",
                Senml.encode(SenmlPackBuilder.forStation(StationId.of(st)).add("ph", "pH", T.getEpochSecond(), 14.5).build(),
                        SenmlFormat.CBOR));
        assertThat(cbor.status()).isEqualTo(200);
        assertThat(cbor.json().getInteger("rejected")).isEqualTo(1);
        assertThat(cbor.json().getJsonArray("rejections").getJsonObject(0).getString("reason"))
                .isEqualTo("ph value 14.5 pH is outside the plausible range 0.0..14.0");
        assertThat(stored(st)).isEqualTo(2);
    }

    @Test
    void httpMalformedPackIs400WithTheDecodersMessageAndStoresNothing() {
        String st = TestServices.uniqueStationId("http");
        Http.Reply reply = http.post("/api/v1/stations/" + st + "/telemetry", "application/senml+json",
                "[{\"bn\":\"urn:dev:agri:x:\",\"n\":\"ph\",\"v\":\"seven\"}]".getBytes(StandardCharsets.UTF_8));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.error()).startsWith("malformed SenML pack: ");
        assertThat(reply.json().getInteger("stored")).isZero();
        JsonObject rejected = http.get("/api/v1/rejected?station=" + st).json().getJsonArray("rejected").getJsonObject(0);
        assertThat(rejected.getString("reason_code")).isEqualTo("malformed_pack");
        assertThat(rejected.getString("reason")).isEqualTo(reply.error());
        assertThat(rejected.getString("source")).isEqualTo("http");
        assertThat(rejected.getString("payload_excerpt")).contains("\"v\":\"seven\"");
        assertThat(http.get("/api/v1/stations/" + st + "/latest").json().getJsonArray("readings")).isEmpty();
    }

    @Test
    void httpBodyOverTheLimitIs413AndRecorded() {
        String st = TestServices.uniqueStationId("http");
        byte[] big = new byte[5000];
        java.util.Arrays.fill(big, (byte) ' ');
        big[0] = '[';
        Http.Reply reply = http.post("/api/v1/stations/" + st + "/telemetry", "application/senml+json", big);

        assertThat(reply.status()).isEqualTo(413);
        assertThat(reply.error()).isEqualTo("request body larger than the limit of 4096 bytes");
        assertThat(http.get("/api/v1/rejected?station=" + st + "&reason=too_large").json().getJsonArray("rejected")).hasSize(1);
    }

    @Test
    void httpRejectsAnUnsupportedContentTypeAndABadStationId() {
        Http.Reply text = http.post("/api/v1/stations/st-1/telemetry", "text/plain", "21.5".getBytes(StandardCharsets.UTF_8));
        assertThat(text.status()).isEqualTo(415);
        assertThat(text.error()).contains("send application/senml+json or application/senml+cbor");

        Http.Reply badId = http.post("/api/v1/stations/bad.id/telemetry", "application/senml+json", pack("st-1", 1));
        assertThat(badId.status()).isEqualTo(400);
        assertThat(badId.error()).isEqualTo("station id 'bad.id' must be 1-64 characters of A-Z a-z 0-9 _ -");
    }

    @Test
    void coapAnswers204AfterCommitAnd400ForBadInput() throws Exception {
        String st = TestServices.uniqueStationId("coap");
        CoapResponse ok = post(st, pack(st, 19.0), 110);
        assertThat(ok.getCode()).isEqualTo(ResponseCode.CHANGED);
        assertThat(new JsonObject(ok.getResponseText()).getInteger("stored")).isEqualTo(2);
        assertThat(stored(st)).isEqualTo(2);

        CoapResponse cbor = post(st, Senml.encode(SenmlPackBuilder.forStation(StationId.of(st))
                .add("turbidity", "NTU", T.getEpochSecond(), 12.5).build(), SenmlFormat.CBOR), 112);
        assertThat(cbor.getCode()).isEqualTo(ResponseCode.CHANGED);
        assertThat(stored(st)).isEqualTo(3);

        CoapResponse malformed = post(st, "[{\"n\":".getBytes(StandardCharsets.UTF_8), 110);
        assertThat(malformed.getCode()).isEqualTo(ResponseCode.BAD_REQUEST);
        assertThat(malformed.getResponseText()).startsWith("malformed SenML pack: ");
        assertThat(http.get("/api/v1/rejected?station=" + st).json().getJsonArray("rejected").getJsonObject(0)
                .getString("source")).isEqualTo("coap");

        CoapResponse text = post(st, "21.5".getBytes(StandardCharsets.UTF_8), MediaTypeRegistry.TEXT_PLAIN);
        assertThat(text.getCode()).isEqualTo(ResponseCode.UNSUPPORTED_CONTENT_FORMAT);
        assertThat(text.getResponseText()).contains("use 110 (application/senml+json) or 112 (application/senml+cbor)");

        CoapResponse badId = post("bad.id", pack(st, 19.0), 110);
        assertThat(badId.getCode()).isEqualTo(ResponseCode.BAD_REQUEST);
        assertThat(stored(st)).isEqualTo(3);
    }

    @Test
    void coapPayloadOverTheLimitIs413() throws Exception {
        String st = TestServices.uniqueStationId("coap");
        SenmlPackBuilder b = SenmlPackBuilder.forStation(StationId.of(st));
        for (int i = 0; i < 60; i++) {
            b.add("water_temperature", "Cel", T.getEpochSecond() + i, 20 + i / 10.0);
        }
        byte[] big = Senml.encode(b.build(), SenmlFormat.JSON);
        assertThat(big.length).isGreaterThan(2048);

        CoapResponse reply = post(st, big, 110);

        assertThat(reply.getCode()).isEqualTo(ResponseCode.REQUEST_ENTITY_TOO_LARGE);
        assertThat(http.get("/api/v1/stations/" + st).status()).isEqualTo(404);
    }

    @Test
    void seriesParametersAreValidatedWithA400NamingTheParameter() {
        List<String[]> cases = new ArrayList<>();
        cases.add(new String[] {"metric=ph", "station is required"});
        cases.add(new String[] {"station=st-1&metric=leaf_colour", "metric 'leaf_colour' is not in the metric catalogue"});
        cases.add(new String[] {"station=st-1&metric=ph&from=2024-05-02T00:00:00Z&to=2024-05-01T00:00:00Z",
                "from (2024-05-02T00:00:00Z) must be before to (2024-05-01T00:00:00Z)"});
        cases.add(new String[] {"station=st-1&metric=ph&from=yesterday", "from 'yesterday' is not an ISO-8601 time such as 2024-05-01T06:00:00Z"});
        cases.add(new String[] {"station=st-1&metric=ph&step=5x", "step: '5x' is not a duration: use e.g. 30s, 5m, 1h, 1d or PT5M"});
        cases.add(new String[] {"station=st-1&metric=ph&from=2024-01-01T00:00:00Z&to=2024-03-01T00:00:00Z&step=1s",
                "step 1s is too small for the range of 60d: 5184000 buckets (at most 100000); use a step of at least 52s"});
        cases.add(new String[] {"station=st-1&metric=ph&step=5m&agg=median", "unknown agg 'median': use avg, min, max, sum, count or last"});
        cases.add(new String[] {"station=st-1&metric=ph&agg=max", "agg needs step (e.g. step=5m&agg=max)"});
        cases.add(new String[] {"station=st-1&metric=ph&format=xml", "format 'xml' is not json or csv"});
        cases.add(new String[] {"station=st-1&metric=ph&stp=5m", "unknown parameter 'stp' (known: station, metric, from, to, step, agg, format)"});
        for (String[] c : cases) {
            Http.Reply r = http.get("/api/v1/series?" + c[0]);
            assertThat(r.status()).as(c[0]).isEqualTo(400);
            assertThat(r.error()).as(c[0]).isEqualTo(c[1]);
        }
        assertThat(http.get("/api/v1/stations/nobody-here").status()).isEqualTo(404);
        assertThat(http.get("/api/v1/stations/nobody-here/latest").error()).isEqualTo("station 'nobody-here' is unknown");
        assertThat(http.get("/api/v1/rejected?limit=5000").error()).isEqualTo("limit '5000' must be a whole number from 1 to 1000");
        assertThat(http.get("/api/v1/nothing").status()).isEqualTo(404);
    }

    @Test
    void healthIsUpAndMetricsAndOpenApiAreServed() throws Exception {
        Http.Reply health = http.get("/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().getJsonObject("components").fieldNames()).containsExactly("database", "broker", "ingest", "alerts");
        assertThat(health.json().getJsonObject("components").getJsonObject("alerts").getString("status")).isEqualTo("up");
        assertThat(health.json().getJsonObject("components").getJsonObject("database").getString("status")).isEqualTo("up");

        Http.Reply metrics = http.get("/metrics");
        assertThat(metrics.response().headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
        assertThat(metrics.body()).contains("# TYPE agri_readings_stored_total counter", "agri_mqtt_connected 1.0",
                "# TYPE agri_ingest_commit_seconds histogram", "agri_http_requests_total{method=\"GET\",route=\"/health\",status=\"200\"}");

        Http.Reply openApi = http.get("/api/openapi.yaml");
        assertThat(openApi.status()).isEqualTo(200);
        JsonNode doc = new ObjectMapper(new YAMLFactory()).readTree(openApi.body());
        assertThat(doc.path("openapi").asText()).startsWith("3.");
        assertThat(iterable(doc.path("paths").fieldNames())).contains(
                "/api/v1/stations/{id}/telemetry", "/api/v1/stations", "/api/v1/stations/{id}", "/api/v1/stations/{id}/latest",
                "/api/v1/series", "/api/v1/alerts", "/api/v1/alerts/{id}/ack", "/api/v1/stream", "/api/v1/rejected",
                "/health", "/metrics");
        assertThat(http.get("/").body()).contains("AgriSense");
    }

    private static List<String> iterable(java.util.Iterator<String> it) {
        List<String> out = new ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }

    private static CoapResponse post(String station, byte[] payload, int contentFormat) throws Exception {
        CoapClient client = new CoapClient("coap://127.0.0.1:" + platform.coapPort() + "/telemetry/" + station);
        client.setEndpoint(coapEndpoint);
        client.setTimeout(15_000L);
        try {
            CoapResponse r = client.post(payload, contentFormat);
            assertThat(r).as("CoAP response").isNotNull();
            return r;
        } finally {
            client.shutdown();
        }
    }
}
