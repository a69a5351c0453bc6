package io.agrisense.platform.model.air;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.agrisense.platform.model.TimedValue;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConcentrationAveragesTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final LocalDate DAY = LocalDate.of(2024, 5, 1);
    /** 2024-05-01 00:00 in Shanghai is 2024-04-30T16:00Z. */
    static final Instant LOCAL_MIDNIGHT = Instant.parse("2024-04-30T16:00:00Z");
    static final Instant HOUR = Instant.parse("2024-05-01T02:00:00Z");

    @Test
    void aOneHourMeanNeeds45MinutesOfSampling() {
        assertThat(ConcentrationAverages.hourlyMean(minuteSamples(45, 10.0), HOUR, Duration.ofMinutes(1)))
                .isEqualTo(new Average.Published(10.0, 45, ""));
        Average short44 = ConcentrationAverages.hourlyMean(minuteSamples(44, 10.0), HOUR, Duration.ofMinutes(1));
        assertThat(short44).isInstanceOf(Average.Withheld.class);
        assertThat(((Average.Withheld) short44).reason()).contains("has 44 min of sampling").contains("needs 45");
        assertThat(((Average.Withheld) short44).requiredValues()).isEqualTo(45);

        // every 5 min: 9 samples are 45 min, 8 are 40
        List<TimedValue> fiveMinute = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            fiveMinute.add(TimedValue.of(HOUR.plus(Duration.ofMinutes(5L * i)), i));
        }
        assertThat(ConcentrationAverages.hourlyMean(fiveMinute, HOUR, Duration.ofMinutes(5)).optionalValue()).hasValue(4.0);
        assertThat(ConcentrationAverages.hourlyMean(fiveMinute.subList(0, 8), HOUR, Duration.ofMinutes(5)))
                .isInstanceOf(Average.Withheld.class);
    }

    @Test
    void samplesOutsideTheHourAndRepeatedTimesDoNotCount() {
        List<TimedValue> samples = new ArrayList<>(minuteSamples(44, 10.0));
        samples.add(TimedValue.of(HOUR.plus(Duration.ofMinutes(1)), 99.0));   // same time as a sample already there
        samples.add(TimedValue.of(HOUR.plus(Duration.ofMinutes(60)), 99.0));  // the next hour
        samples.add(TimedValue.of(HOUR.minusSeconds(1), 99.0));              // the previous hour
        assertThat(ConcentrationAverages.hourlyMean(samples, HOUR, Duration.ofMinutes(1))).isInstanceOf(Average.Withheld.class);
    }

    @Test
    void aTwentyFourHourMeanNeedsTwentyHours() {
        Instant end = Instant.parse("2024-05-02T00:00:00Z");
        Map<Instant, Double> twenty = hours(end.minus(Duration.ofHours(24)), 20, 30.0);
        twenty.put(end.minus(Duration.ofHours(1)), 70.0);            // hour 24 of the window (hours 21..23 missing)
        Average mean = ConcentrationAverages.moving24h(HourlyMeans.of(twenty), end);
        // (20 * 30 + 70) / 21
        assertThat(mean.optionalValue().orElseThrow()).isCloseTo(670.0 / 21, within(1e-9));
        assertThat(((Average.Published) mean).validValues()).isEqualTo(21);

        Average nineteen = ConcentrationAverages.moving24h(HourlyMeans.of(hours(end.minus(Duration.ofHours(24)), 19, 30.0)), end);
        assertThat(((Average.Withheld) nineteen).reason())
                .isEqualTo("24-h mean to 2024-05-02T00:00:00Z needs at least 20 hourly means (GB 3095-2012 Table 4), has 19");
    }

    @Test
    void anEightHourMeanNeedsSixHours() {
        Instant end = Instant.parse("2024-05-01T12:00:00Z");
        assertThat(ConcentrationAverages.moving8h(HourlyMeans.of(hours(end.minus(Duration.ofHours(8)), 6, 100.0)), end).optionalValue())
                .hasValue(100.0);
        assertThat(ConcentrationAverages.moving8h(HourlyMeans.of(hours(end.minus(Duration.ofHours(7)), 5, 100.0)), end))
                .isInstanceOf(Average.Withheld.class);
    }

    @Test
    void theDayIsTheLocalCivilDay() {
        Map<Instant, Double> h = hours(LOCAL_MIDNIGHT, 24, 40.0);
        h.put(LOCAL_MIDNIGHT.plus(Duration.ofHours(24)), 1000.0);   // 00:00-01:00 of 2 May in Shanghai
        h.put(LOCAL_MIDNIGHT.minus(Duration.ofHours(1)), 1000.0);   // 23:00-24:00 of 30 April
        assertThat(ConcentrationAverages.dailyMean(HourlyMeans.of(h), DAY, SHANGHAI).optionalValue()).hasValue(40.0);
        // the UTC day of 1 May mixes in the 1000 of local 2 May: 16 h of 40 from local 1 May + 1000 + 7 missing
        assertThat(ConcentrationAverages.dailyMean(HourlyMeans.of(h), DAY, ZoneId.of("UTC")))
                .isInstanceOf(Average.Withheld.class);
    }

    @Test
    void theDailyMaximumEightHourMeanTakesWindowsEndingAt8To24() {
        Map<Instant, Double> o3 = hours(LOCAL_MIDNIGHT, 24, 100.0);
        for (int h = 12; h < 16; h++) {
            o3.put(LOCAL_MIDNIGHT.plus(Duration.ofHours(h)), 200.0);
        }
        // a window holding all four 200s: (4 * 200 + 4 * 100) / 8 = 150; all 17 windows (ending 08..24) valid
        assertThat(ConcentrationAverages.dailyMax8h(HourlyMeans.of(o3), DAY, SHANGHAI))
                .isEqualTo(new Average.Published(150.0, 17, ""));
        // a window ending after midnight is not the day's: a high early hour of the next day does not count
        o3.put(LOCAL_MIDNIGHT.plus(Duration.ofHours(24)), 5000.0);
        assertThat(ConcentrationAverages.dailyMax8h(HourlyMeans.of(o3), DAY, SHANGHAI).optionalValue()).hasValue(150.0);
        assertThat(ConcentrationAverages.dailyMax1h(HourlyMeans.of(o3), DAY, SHANGHAI).optionalValue()).hasValue(200.0);
    }

    @Test
    void fewerThanFourteenEightHourMeansAreWithheldUnlessTheMaximumAlreadyExceedsTheLimit() {
        Map<Instant, Double> o3 = hours(LOCAL_MIDNIGHT, 24, 100.0);
        for (int h = 4; h <= 9; h++) {
            o3.remove(LOCAL_MIDNIGHT.plus(Duration.ofHours(h)));   // local 04:00-10:00 missing
        }
        for (int h = 12; h < 16; h++) {
            o3.put(LOCAL_MIDNIGHT.plus(Duration.ofHours(h)), 150.0);
        }
        // windows starting 0..7 miss 3 or more of their 8 hours: 9 valid of 17, the largest (hours 8..15, 6 values)
        // (2 * 100 + 4 * 150) / 6 = 133.3, under the limit
        Average withheld = ConcentrationAverages.dailyMax8h(HourlyMeans.of(o3), DAY, SHANGHAI);
        assertThat(((Average.Withheld) withheld).reason())
                .isEqualTo("daily maximum 8-h mean of 2024-05-01 needs at least 14 valid 8-h means (HJ 663-2013), has 9");

        for (int h = 12; h < 16; h++) {
            o3.put(LOCAL_MIDNIGHT.plus(Duration.ofHours(h)), 300.0);
        }
        // hours 8..15: (2 * 100 + 4 * 300) / 6 = 233.3 > 160: an exceedance stands even with 9 windows
        Average exceeds = ConcentrationAverages.dailyMax8h(HourlyMeans.of(o3), DAY, SHANGHAI);
        assertThat(exceeds.optionalValue().orElseThrow()).isCloseTo(1400.0 / 6, within(1e-9));
        assertThat(((Average.Published) exceeds).note()).contains("only 9 valid 8-h means");
        // and the daily maximum 1-h needs 20 hours: there are 18
        assertThat(ConcentrationAverages.dailyMax1h(HourlyMeans.of(o3), DAY, SHANGHAI)).isInstanceOf(Average.Withheld.class);
    }

    @Test
    void hourlyMeansMustBeWholeHoursWithPlausibleValues() {
        assertThatThrownBy(() -> HourlyMeans.of(Map.of(Instant.parse("2024-05-01T02:30:00Z"), 1.0)))
                .hasMessageContaining("not the start of an hour");
        assertThatThrownBy(() -> HourlyMeans.of(Map.of(HOUR, -1.0))).hasMessageContaining("finite value >= 0");
    }

    private static List<TimedValue> minuteSamples(int count, double value) {
        List<TimedValue> samples = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            samples.add(TimedValue.of(HOUR.plus(Duration.ofMinutes(i)), value));
        }
        return samples;
    }

    static Map<Instant, Double> hours(Instant first, int count, double value) {
        Map<Instant, Double> h = new HashMap<>();
        for (int i = 0; i < count; i++) {
            h.put(first.plus(Duration.ofHours(i)), value);
        }
        return h;
    }
}
