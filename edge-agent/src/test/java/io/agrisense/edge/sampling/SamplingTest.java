package io.agrisense.edge.sampling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.agrisense.edge.config.Calibration;
import io.agrisense.edge.config.SensorConfig;
import io.agrisense.edge.sensor.Sensor;
import io.agrisense.edge.sensor.SensorException;
import io.agrisense.edge.sensor.SensorReading;
import io.agrisense.protocol.MetricCatalogue;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SamplingTest {

    private final ScheduledExecutorService loop = Executors.newSingleThreadScheduledExecutor();
    private final List<Reading> stored = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        loop.shutdownNow();
    }

    private static Sensor sensor(String name, ThrowingRead read) {
        return new Sensor() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public List<SensorReading> read() throws SensorException {
                return read.read();
            }
        };
    }

    interface ThrowingRead {
        List<SensorReading> read() throws SensorException;
    }

    @Test
    void timestampsNeverRepeatOrGoBackWithinAMetricEvenWithAStoppedClock() {
        Clock frozen = Clock.fixed(Instant.ofEpochMilli(1_700_000_000_000L), ZoneOffset.UTC);
        SamplingScheduler s = new SamplingScheduler(loop, frozen, TimestampGuard.inMemory(), (n, r) -> stored.addAll(r));
        s.add(sensor("air", () -> List.of(new SensorReading("air_temperature", 20), new SensorReading("relative_humidity", 50))),
                new SensorConfig("air", "bme280", Duration.ofMillis(10), Map.of(), Map.of()));
        await().until(() -> stored.size() >= 10);
        s.close();
        List<Long> times = stored.stream().filter(r -> r.name().equals("air_temperature")).map(Reading::epochMillis).toList();
        for (int i = 1; i < times.size(); i++) {
            assertThat(times.get(i)).isEqualTo(times.get(i - 1) + 1);
        }
        assertThat(times.get(0)).isEqualTo(1_700_000_000_000L);
        assertThat(stored.get(1).epochMillis()).as("another metric keeps its own sequence").isEqualTo(1_700_000_000_000L);
        assertThat(stored.get(0).unit()).isEqualTo("Cel");
        assertThat(stored.get(1).unit()).isEqualTo("%RH");
    }

    @Test
    void appliesUnitConversionThenScaleAndOffset() {
        SamplingScheduler s = new SamplingScheduler(loop, Clock.systemUTC(), TimestampGuard.inMemory(), (n, r) -> stored.addAll(r));
        s.add(sensor("ec", () -> List.of(new SensorReading("conductivity", 1500))),
                new SensorConfig("ec", "ads1115", Duration.ofSeconds(60), Map.of(),
                        Map.of("conductivity", new Calibration(1.1, 0.01, "uS/cm"))));
        await().until(() -> !stored.isEmpty());
        s.close();
        assertThat(stored.get(0).value()).isCloseTo(0.15 * 1.1 + 0.01, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(stored.get(0).unit()).isEqualTo("S/m");
    }

    @Test
    void aFailingSensorYieldsNoValueIsCountedAndBacksOff() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        SamplingScheduler s = new SamplingScheduler(loop, Clock.systemUTC(), TimestampGuard.inMemory(), (n, r) -> stored.addAll(r));
        s.add(sensor("do", () -> {
            attempts.incrementAndGet();
            throw new SensorException("CRC mismatch");
        }), new SensorConfig("do", "ads1115", Duration.ofMillis(50), Map.of(), Map.of()));
        Thread.sleep(1000);
        s.close();
        assertThat(stored).isEmpty();
        // Delays 50, 100, 200, 400 ms...: 5 attempts fit in one second, at a fixed 50 ms interval it would be 20.
        assertThat(attempts.get()).isBetween(2, 8);
        assertThat(s.sensorErrors()).isEqualTo(attempts.get());
    }

    @Test
    void aSensorReturningNaNIsAFailureNotAValue() {
        SamplingScheduler s = new SamplingScheduler(loop, Clock.systemUTC(), TimestampGuard.inMemory(), (n, r) -> stored.addAll(r));
        s.add(sensor("x", () -> List.of(new SensorReading("ph", Double.NaN))),
                new SensorConfig("x", "ads1115", Duration.ofSeconds(60), Map.of(), Map.of()));
        await().until(() -> s.sensorErrors() == 1);
        assertThat(s.status().get(0).lastError()).isEqualTo("x returned NaN for ph");
        s.close();
        assertThat(stored).isEmpty();
    }

    @Test
    void theHighWaterMarkSurvivesARestartWithAClockThatWentBack(@TempDir Path dir) throws Exception {
        TimestampGuard before = TimestampGuard.load(dir.resolve("mark"));
        assertThat(before.stamp("ph", 2_000_000L)).isEqualTo(2_000_000L);
        before.save();
        TimestampGuard after = TimestampGuard.load(dir.resolve("mark"));
        assertThat(after.stamp("ph", 1_000_000L)).isEqualTo(2_000_001L);
        assertThat(after.stamp(MetricCatalogue.EVENT, 1_000_000L)).isEqualTo(2_000_001L);
        assertThat(after.stamp("ph", 3_000_000L)).isEqualTo(3_000_000L);
    }

    @Test
    void queueRecordsRoundTrip() {
        List<Reading> readings = List.of(Reading.measurement("ph", "pH", 5L, 7.25), Reading.event(6L, "{\"a\":1}"),
                Reading.measurement("nh3_unknown", null, 7L, -1.5));
        assertThat(ReadingCodec.decode(ReadingCodec.encode(readings))).isEqualTo(readings);
    }

    @Test
    void convertsUnitsToTheCatalogue() {
        assertThat(UnitConversion.convert(212, "degF", "Cel")).isCloseTo(100, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(UnitConversion.convert(1013.25, "hPa", "Pa")).isCloseTo(101325, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(UnitConversion.supports("uS/cm", "S/m")).isTrue();
        assertThat(UnitConversion.supports("uS/cm", "Pa")).isFalse();
    }
}
