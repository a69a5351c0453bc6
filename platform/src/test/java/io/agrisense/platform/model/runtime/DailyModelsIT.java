package io.agrisense.platform.model.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import io.agrisense.embedded.testkit.TestServices;
import io.agrisense.platform.app.Platform;
import io.agrisense.platform.model.derived.DerivedSeries;
import io.agrisense.platform.model.GrowingDegreeDays;
import io.agrisense.platform.model.evapotranspiration.DailyWeather;
import io.agrisense.platform.model.evapotranspiration.Humidity;
import io.agrisense.platform.model.evapotranspiration.Radiation;
import io.agrisense.platform.model.evapotranspiration.ReferenceEvapotranspiration;
import io.agrisense.platform.model.evapotranspiration.Site;
import io.agrisense.platform.model.evapotranspiration.WindSpeed;
import io.agrisense.platform.testing.Http;
import io.agrisense.platform.testing.PlatformFixture;
import io.agrisense.platform.testing.Publisher;
import io.agrisense.protocol.StationId;
import io.agrisense.protocol.Topics;
import io.agrisense.protocol.senml.Senml;
import io.agrisense.protocol.senml.SenmlFormat;
import io.agrisense.protocol.senml.SenmlPackBuilder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** GDD and ET0 of a station's previous local day from its stored readings and the location in its status. */
class DailyModelsIT {

    private static final ZoneOffset LOCAL = ZoneOffset.ofHours(8);
    private static Platform platform;
    private static Http http;

    @BeforeAll
    static void start() {
        platform = Platform.start(PlatformFixture.config("daily", Map.of("alerts", "dailyModels: false")),
                Platform.Extensions.none());
        http = new Http(platform.httpPort());
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    /** A day of half-hourly readings: air 18..30 °C, humidity 45..90 %, wind 2 m/s. */
    private static void sendDay(StationId id, LocalDate day) {
        SenmlPackBuilder pack = SenmlPackBuilder.forStation(id);
        Instant start = day.atStartOfDay(LOCAL).toInstant();
        for (int i = 0; i < 48; i++) {
            double hour = i / 2.0;
            double t = start.plusSeconds(i * 1800L).getEpochSecond();
            double phase = Math.sin(2 * Math.PI * (hour - 9) / 24);
            pack.add("air_temperature", "Cel", t, 24 + 6 * phase);
            pack.add("relative_humidity", "%RH", t, 67.5 - 22.5 * phase);
            pack.add("wind_speed", "m/s", t, 2.0);
        }
        Http.Reply r = http.post("/api/v1/stations/" + id.value() + "/telemetry", "application/senml+json",
                Senml.encode(pack.build(), SenmlFormat.JSON));
        assertThat(r.json().getInteger("stored")).as(r.body()).isEqualTo(144);
    }

    @Test
    void yesterdaysGddAndEt0AreComputedOnceFromTheDaysReadingsAtTheStationsLocation() throws Exception {
        String st = TestServices.uniqueStationId("orchard");
        StationId id = StationId.of(st);
        Instant now = Instant.now();
        LocalDate yesterday = now.atOffset(LOCAL).toLocalDate().minusDays(1);
        try (Publisher publisher = new Publisher()) {
            publisher.publish(Topics.status(id), """
                    {"state":"online","profile":"orchard","location":{"latitude":30.83,"longitude":110.98,"elevation":250}}"""
                    .getBytes(StandardCharsets.UTF_8), true);
            await().atMost(Duration.ofSeconds(20)).until(() -> "orchard".equals(http.get("/api/v1/stations/" + st).json().getString("profile")));
            sendDay(id, yesterday.minusDays(1));
            sendDay(id, yesterday);

            DailyModelsVerticle daily = new DailyModelsVerticle(platform.database().dataSource(), platform.readingWriter(),
                    new DerivedSeries(), Clock.systemUTC(), new SimpleMeterRegistry());
            assertThat(daily.run(now)).as("gdd and et0 for each of the two days").isGreaterThanOrEqualTo(4);
            assertThat(daily.run(now)).as("days already done are skipped").isZero();

            DailyWeather expected = new DailyWeather(yesterday, 30, 18, new Humidity.Extremes(90, 45),
                    new WindSpeed(2.0, 2.0), new Radiation.FromTemperatureRange());
            double et0 = ReferenceEvapotranspiration.daily(new Site(30.83, 110.98, 250, false), expected).et0();
            double gddPerDay = GrowingDegreeDays.daily(30, 18, 12.8);
            Instant endOfDay = yesterday.plusDays(1).atStartOfDay(LOCAL).toInstant().minusSeconds(1);
            JsonObject et0Series = http.get("/api/v1/series?station=" + st + "&metric=et0&from=" + endOfDay.minusSeconds(1)
                    + "&to=" + endOfDay.plusSeconds(1)).json();
            assertThat(et0Series.getJsonArray("points").getJsonObject(0).getString("time")).isEqualTo(endOfDay.toString());
            assertThat(et0Series.getJsonArray("points").getJsonObject(0).getDouble("value")).isCloseTo(et0, within(1e-6));
            assertThat(et0).isBetween(2.0, 8.0);
            JsonObject gddSeries = http.get("/api/v1/series?station=" + st + "&metric=gdd&from=" + endOfDay.minus(Duration.ofDays(2))
                    + "&to=" + endOfDay.plusSeconds(1)).json();
            assertThat(gddSeries.getJsonArray("points").stream().map(o -> ((JsonObject) o).getDouble("value")).toList())
                    .as("accumulated day by day").satisfiesExactly(
                            first -> assertThat(first).isCloseTo(gddPerDay, within(1e-6)),
                            second -> assertThat(second).isCloseTo(2 * gddPerDay, within(1e-6)));
        } finally {
            try (Publisher publisher = new Publisher()) {
                publisher.publish(Topics.status(id), new byte[0], true);
            }
        }
    }
}
