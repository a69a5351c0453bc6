package io.agrisense.platform.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agrisense.platform.store.MessageOutcome;
import io.agrisense.platform.store.Reading;
import io.agrisense.platform.store.RejectReason;
import io.agrisense.platform.store.Rejection;
import io.agrisense.protocol.senml.SenmlFormat;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class HttpTelemetryRouteTest {

    @Test
    void contentTypesMapToSenmlFormats() {
        assertThat(HttpTelemetryRoute.format("application/senml+json")).isEqualTo(SenmlFormat.JSON);
        assertThat(HttpTelemetryRoute.format("Application/JSON; charset=utf-8")).isEqualTo(SenmlFormat.JSON);
        assertThat(HttpTelemetryRoute.format("application/senml+cbor")).isEqualTo(SenmlFormat.CBOR);
        assertThat(HttpTelemetryRoute.format(null)).isNull();
        assertThatThrownBy(() -> HttpTelemetryRoute.format("text/csv"))
                .hasMessage("unsupported content type 'text/csv': send application/senml+json or application/senml+cbor");
    }

    @Test
    void theAnswerCountsStoredDuplicateAndRejectedReadings() {
        Instant t = Instant.parse("2024-05-01T06:00:00Z");
        MessageOutcome o = new MessageOutcome(List.of(new Reading("a", "ph", t, 7)), 2, List.of(),
                List.of(new Rejection("a", "co2", t, 20000.0, RejectReason.OUT_OF_RANGE, "co2 value 20000.0 ppm is outside")));

        JsonObject body = HttpTelemetryRoute.body(o);

        assertThat(body.getInteger("stored")).isEqualTo(1);
        assertThat(body.getInteger("duplicates")).isEqualTo(2);
        assertThat(body.getInteger("rejected")).isEqualTo(1);
        assertThat(body.getJsonArray("rejections").getJsonObject(0).encode())
                .isEqualTo("{\"metric\":\"co2\",\"time\":\"2024-05-01T06:00:00Z\",\"value\":20000.0,"
                        + "\"reason_code\":\"out_of_range\",\"reason\":\"co2 value 20000.0 ppm is outside\"}");
    }
}
