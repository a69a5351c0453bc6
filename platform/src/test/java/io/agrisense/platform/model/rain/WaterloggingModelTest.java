package io.agrisense.platform.model.rain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.agrisense.platform.model.TimedValue;
import io.agrisense.platform.model.warning.SignalLevel;
import io.agrisense.platform.model.warning.Warning;
import io.agrisense.protocol.StationId;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntToDoubleFunction;
import org.junit.jupiter.api.Test;

class WaterloggingModelTest {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final StationId FIELD = StationId.of("veg-01");
    private static final Instant NOW = Instant.parse("2024-06-20T06:00:00Z");
    /** A loam (46.3 % at saturation, Rawls et al. 1982) with field capacity 30 %, probe for the top 0.3 m. */
    private static final WaterloggingModel.Soil LOAM = WaterloggingModel.Soil.of(SoilTexture.LOAM, 30, 0.3);

    private final WaterloggingModel model = new WaterloggingModel();

    /** Hourly readings over the last 48 h; index 0 is 48 h ago, 48 is now. */
    private static List<TimedValue> hourly(IntToDoubleFunction byHour) {
        List<TimedValue> out = new ArrayList<>();
        for (int i = 0; i <= 48; i++) {
            out.add(TimedValue.of(NOW.minus(Duration.ofHours(48 - i)), byHour.applyAsDouble(i)));
        }
        return out;
    }

    private WaterloggingModel.Field field(IntToDoubleFunction moisture, IntToDoubleFunction rain) {
        return new WaterloggingModel.Field(FIELD, CHINA, LOAM, hourly(moisture), hourly(rain));
    }

    @Test
    void soilWithLessThanTenPercentAirIsWaterloggedAndOrangeAfterTheTolerance() {
        Warning yellow = model.assess(field(i -> i >= 38 ? 40 : 28, i -> 0), NOW).orElseThrow();
        assertThat(yellow.level()).isEqualTo(SignalLevel.YELLOW);
        assertThat(yellow.quantity("air_filled_porosity").orElseThrow()).isCloseTo(6.3, within(1e-9));
        assertThat(yellow.quantity("waterlogged_hours").orElseThrow()).isCloseTo(10, within(1e-9));
        assertThat(yellow.expectedAt()).isEqualTo(NOW.minus(Duration.ofHours(10)));
        assertThat(yellow.message()).isEqualTo("soil waterlogged: 6.3 % air in the root zone (roots need 10 %) for 10.0 h;"
                + " open the drainage ditches and stop irrigating");

        Warning orange = model.assess(field(i -> i >= 18 ? 40 : 28, i -> 0), NOW).orElseThrow();
        assertThat(orange.level()).isEqualTo(SignalLevel.ORANGE); // 30 h, beyond the 24 h tolerance
    }

    @Test
    void rainOnSoilAtFieldCapacityWarnsAheadOfSaturation() {
        // 32 % water: 14.3 % air, 4.3 % of 0.3 m = 12.9 mm to fill; 5 mm/h fills it in 2.58 h
        Warning ahead = model.assess(field(i -> 32, i -> i >= 46 ? 5 : 0), NOW).orElseThrow();

        assertThat(ahead.level()).isEqualTo(SignalLevel.BLUE);
        assertThat(ahead.quantity("pore_space_left").orElseThrow()).isCloseTo(12.9, within(1e-9));
        assertThat(Duration.between(NOW, ahead.expectedAt()).toSeconds()).isCloseTo(Math.round(12.9 / 5 * 3600), within(1L));
        assertThat(ahead.message()).startsWith("soil will be waterlogged about 16:35 at 5.0 mm/h of rain (13 mm of pore space left)");
    }

    @Test
    void drySoilOrNoRainRaisesNothing() {
        assertThat(model.assess(field(i -> 25, i -> 8), NOW)).isEmpty(); // below field capacity
        assertThat(model.assess(field(i -> 33, i -> 0), NOW)).isEmpty(); // at field capacity, not raining
        assertThat(model.assess(field(i -> 31, i -> i == 48 ? 0.5 : 0), NOW)).isEmpty(); // 30 h to fill
        assertThatThrownBy(() -> WaterloggingModel.Soil.of(SoilTexture.SAND, 50, 0.3)).hasMessageContaining("saturation");
        assertThatThrownBy(() -> model.assess(new WaterloggingModel.Field(FIELD, CHINA, LOAM, List.of(), List.of()), NOW))
                .hasMessageContaining("no soil moisture reading");
    }
}
