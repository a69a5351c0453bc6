package io.agrisense.platform.model.evapotranspiration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class SolarGeometryTest {

    @Test
    void example8ExtraterrestrialRadiationTwentySouthThirdOfSeptember() {
        // FAO-56 Example 8: J 246, dr 0.985, declination 0.120 rad, ws 1.527 rad, Ra 32.2 MJ m-2 day-1
        assertThat(SolarGeometry.inverseRelativeDistance(246)).isCloseTo(0.985, within(0.0005));
        assertThat(SolarGeometry.declination(246)).isCloseTo(0.120, within(0.0005));
        assertThat(SolarGeometry.sunsetHourAngle(-20, 246)).isCloseTo(1.527, within(0.0005));
        assertThat(SolarGeometry.extraterrestrialRadiation(-20, 246)).isCloseTo(32.2, within(0.05));
    }

    @Test
    void example9DaylightHours() {
        // FAO-56 Example 9: 20 S, 3 September, N = 11.7 hours
        assertThat(SolarGeometry.daylightHours(-20, 246)).isCloseTo(11.7, within(0.05));
    }

    @Test
    void example10And11RadiationRioDeJaneiroInMay() {
        // FAO-56 Example 10: 22 54'S, 15 May: Ra 25.1, N 10.9, n = 220/31 h -> Rs 14.5
        double lat = -(22 + 54.0 / 60);
        double ra = SolarGeometry.extraterrestrialRadiation(lat, 135);
        double bigN = SolarGeometry.daylightHours(lat, 135);
        assertThat(ra).isCloseTo(25.1, within(0.05));
        assertThat(bigN).isCloseTo(10.9, within(0.05));
        double rs = RadiationBalance.solarFromSunshine(ra, 220.0 / 31, bigN);
        assertThat(rs).isCloseTo(14.5, within(0.05));
        // Example 11: Tmax 25.1, Tmin 19.1, ea 2.1 -> Rso 18.8, Rnl 3.5, Rn = 11.1 - 3.5 = 7.6
        double rso = RadiationBalance.clearSky(ra, 0);
        double rnl = RadiationBalance.netLongwave(25.1, 19.1, 2.1, 14.5, rso);
        assertThat(rso).isCloseTo(18.8, within(0.05));
        assertThat(rnl).isCloseTo(3.5, within(0.05));
        assertThat(RadiationBalance.netShortwave(14.5) - rnl).isCloseTo(7.6, within(0.05));
    }

    @Test
    void example2And14AtmosphereAndWind() {
        // Example 2: 1800 m -> P 81.8 kPa, gamma 0.054 kPa/C; Example 14: 3.2 m/s at 10 m -> 2.4 m/s at 2 m
        assertThat(Atmosphere.pressure(1800)).isCloseTo(81.8, within(0.05));
        assertThat(Atmosphere.psychrometricConstant(81.8)).isCloseTo(0.054, within(0.0005));
        assertThat(new WindSpeed(3.2, 10).at2m()).isCloseTo(2.4, within(0.05)); // the paper rounds to 0.1
    }

    @Test
    void sunriseAtTheEquatorOnTheEquinoxIsSixSolarTime() {
        // N = 12 h exactly at latitude 0; the equation of time (eq. 32) on day 80 is -0.136 h, so 06:08 UTC at 0 E
        Instant sunrise = SolarGeometry.sunrise(0, 0, LocalDate.of(2024, 3, 20)).orElseThrow();
        assertThat(sunrise).isBetween(Instant.parse("2024-03-20T06:07:30Z"), Instant.parse("2024-03-20T06:08:30Z"));
        // 120 E is eight hours ahead of Greenwich in solar time
        Instant east = SolarGeometry.sunrise(0, 120, LocalDate.of(2024, 3, 20)).orElseThrow();
        assertThat(java.time.Duration.between(east, sunrise).toMinutes()).isEqualTo(480);
    }

    @Test
    void noSunriseInPolarNight() {
        assertThat(SolarGeometry.sunrise(80, 15, LocalDate.of(2024, 12, 21))).isEmpty();
        assertThat(SolarGeometry.sunrise(80, 15, LocalDate.of(2024, 6, 21))).isEmpty();
    }

    @Test
    void sunsetMirrorsSunriseAndTheNightSpansThem() {
        // equinox at the equator, Greenwich: 18 h solar time, 07.8 min late by the equation of time
        Instant sunset = SolarGeometry.sunset(0, 0, LocalDate.of(2024, 3, 20)).orElseThrow();
        assertThat(sunset).isBetween(Instant.parse("2024-03-20T18:07:30Z"), Instant.parse("2024-03-20T18:08:30Z"));

        // Wuhan (30.6 N, 114.3 E) in early March: evening at 21:00 local belongs to the night to the next sunrise
        ZoneId china = ZoneId.of("Asia/Shanghai");
        Instant evening = Instant.parse("2024-03-10T13:00:00Z");
        SolarGeometry.Night night = SolarGeometry.night(30.6, 114.3, evening, china).orElseThrow();
        assertThat(night.sunset().atZone(china).toLocalTime()).isBetween(LocalTime.of(18, 20), LocalTime.of(18, 40));
        assertThat(night.sunrise().atZone(china).toLocalDate()).isEqualTo(LocalDate.of(2024, 3, 11));
        assertThat(night.contains(evening)).isTrue();
        // 03:00 local is still the same night
        assertThat(SolarGeometry.night(30.6, 114.3, Instant.parse("2024-03-10T19:00:00Z"), china)).contains(night);
        // by day the coming night is returned
        assertThat(SolarGeometry.night(30.6, 114.3, Instant.parse("2024-03-10T04:00:00Z"), china).orElseThrow().sunset())
                .isEqualTo(night.sunset());
        assertThat(SolarGeometry.night(80, 15, Instant.parse("2024-12-21T12:00:00Z"), china)).isEmpty(); // polar night
    }
}
