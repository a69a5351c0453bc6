package io.agrisense.edge.sim;

import io.agrisense.edge.sensor.DissolvedOxygenCalibration;
import io.agrisense.edge.sim.StationProfile.Climate;
import io.agrisense.edge.sim.StationProfile.Enclosure;
import io.agrisense.edge.sim.StationProfile.Water;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/**
 * The physical world of one station, deterministic for a seed and a clock. Weather (temperature, humidity, pressure,
 * sun, cloud, rain, wind, particulates) is a function of time; slow stores (soil water, pond temperature, dissolved
 * oxygen, greenhouse and barn air, runoff) are integrated in fixed 30 s steps from the moment the model was made,
 * and the loads switched by relays (aerator, irrigation valve, fan) act on them.
 */
public final class EnvironmentModel {

    static final Duration STEP = Duration.ofSeconds(30);
    /** The programme's province: about 30.5° N, local time UTC+8. */
    static final double LATITUDE = Math.toRadians(30.5);
    static final long UTC_OFFSET_SECONDS = 8 * 3600;
    private static final double RAIN_CELL_SECONDS = 10;

    private static final int TEMPERATURE = 1;
    private static final int TEMPERATURE_FAST = 2;
    private static final int DEW_POINT = 3;
    private static final int PRESSURE = 4;
    private static final int PRESSURE_FAST = 5;
    private static final int CLOUD = 6;
    private static final int RAIN = 7;
    private static final int RAIN_FAST = 8;
    private static final int WIND = 9;
    private static final int GUST = 10;
    private static final int WIND_DIRECTION = 11;
    private static final int PM_EPISODE = 12;
    private static final int PM_FAST = 13;
    private static final int WATER = 14;
    private static final int POLLUTION = 15;
    private static final int DEVICE = 16;

    private final StationProfile profile;
    private final Climate climate;
    private final Clock clock;
    private final SmoothNoise noise;
    private final Set<Load> loadsOn = EnumSet.noneOf(Load.class);

    private Instant stateTime;
    private double soilMoisture;
    private double waterTemperature;
    private double dissolvedOxygen;
    private double co2;
    private double nh3;
    private double runoff;
    private double level;
    private double rainTotal;

    EnvironmentModel(StationProfile profile, long seed, Clock clock) {
        this(profile, seed, clock, null);
    }

    /**
     * @param since when the world began evolving (the slow stores integrate from then up to the clock's time on
     *              first use); null for the clock's instant now
     */
    EnvironmentModel(StationProfile profile, long seed, Clock clock, Instant since) {
        this.profile = profile;
        this.climate = profile.climate();
        this.clock = clock;
        this.noise = new SmoothNoise(seed);
        this.stateTime = since != null ? since : clock.instant();
        double seconds = seconds(stateTime);
        this.soilMoisture = climate.enclosure() == Enclosure.GREENHOUSE ? 30 : 27;
        this.waterTemperature = climate.meanCelsius() + 1;
        this.dissolvedOxygen = 0.85 * DissolvedOxygenCalibration.saturationMgPerL(waterTemperature);
        this.co2 = switch (climate.enclosure()) {
            case BARN -> 415 + barnCo2Production() / barnVentilation(false);
            case GREENHOUSE -> 600;
            case OPEN -> outdoorCo2(seconds);
        };
        this.nh3 = climate.enclosure() == Enclosure.BARN ? barnNh3Production() / barnVentilation(false) : 0.3;
    }

    public StationProfile profile() {
        return profile;
    }

    /** The state at the clock's current instant. */
    public synchronized Conditions now() {
        Instant now = clock.instant();
        advanceTo(now);
        return conditions(now);
    }

    /** A relay switched a load; the model integrates with the old state up to now, then with the new one. */
    public synchronized void switchLoad(Load load, boolean on) {
        advanceTo(clock.instant());
        if (on) {
            loadsOn.add(load);
        } else {
            loadsOn.remove(load);
        }
    }

    public synchronized boolean isOn(Load load) {
        return loadsOn.contains(load);
    }

    /** Rain in mm that falls between two instants; additive over adjacent intervals. */
    public double rainfallBetween(Instant from, Instant to) {
        double a = seconds(from);
        double b = seconds(to);
        double total = 0;
        for (double cell = Math.floor(a / RAIN_CELL_SECONDS) * RAIN_CELL_SECONDS; cell < b; cell += RAIN_CELL_SECONDS) {
            double overlap = Math.min(b, cell + RAIN_CELL_SECONDS) - Math.max(a, cell);
            if (overlap > 0) {
                total += rainRate(cell + RAIN_CELL_SECONDS / 2) * overlap / 3600.0;
            }
        }
        return total;
    }

    /** Wind speed in m/s at an instant (a pure function of time). */
    public double windSpeedAt(Instant t) {
        return windSpeed(seconds(t));
    }

    private void advanceTo(Instant now) {
        while (!stateTime.plus(STEP).isAfter(now)) {
            step(stateTime, STEP.toSeconds());
            stateTime = stateTime.plus(STEP);
        }
    }

    private void step(Instant start, double dtSeconds) {
        double s = seconds(start) + dtSeconds / 2;
        double h = dtSeconds / 3600.0;
        double air = airTemperature(s);
        double outdoorLight = outdoorLight(s);
        double rainMm = rainfallBetween(start, start.plusSeconds((long) dtSeconds));
        rainTotal += rainMm;

        double evapotranspiration = 0.04 + 0.35 * outdoorLight / 100000 * Math.max(0, air) / 25
                * (climate.enclosure() == Enclosure.OPEN ? 1.0 : 0.8);
        double drainage = soilMoisture > 38 ? 0.8 * (soilMoisture - 38) : 0;
        double irrigation = loadsOn.contains(Load.VALVE) ? 6.0 : 0;
        double infiltration = climate.enclosure() == Enclosure.OPEN ? 0.3 * rainMm / h : 0;
        soilMoisture = clamp(soilMoisture + h * (irrigation + infiltration - evapotranspiration - drainage), 3, 50);

        waterTemperature += h * ((air - waterTemperature) / 8.0 + 0.3 * outdoorLight / 100000);
        double saturation = DissolvedOxygenCalibration.saturationMgPerL(waterTemperature);
        boolean pond = climate.water() == Water.POND;
        double photosynthesis = (pond ? 3.0 : 1.0) * outdoorLight / 100000;
        double respiration = (pond ? 1.0 : 0.5) * Math.pow(1.07, waterTemperature - 20);
        double reaeration = (pond ? 0.12 : 0.8) + 0.05 * windSpeed(s)
                + (loadsOn.contains(Load.AERATOR) ? 1.5 : 0);
        dissolvedOxygen = clamp(dissolvedOxygen + h * (photosynthesis - respiration
                + reaeration * (saturation - dissolvedOxygen)), 0.2, 20);

        boolean fan = loadsOn.contains(Load.FAN);
        switch (climate.enclosure()) {
            case BARN -> {
                double v = barnVentilation(fan) * (1 + 0.3 * noise.at(WIND, s, 2 * 3600));
                double activity = 1 + 0.25 * Math.sin(2 * Math.PI * (localHour(s) - 9) / 24);
                co2 = clamp(co2 + h * (barnCo2Production() * activity - v * (co2 - 415)), 415, 6000);
                double manure = 1 + 0.04 * (air - 20);
                nh3 = clamp(nh3 + h * (barnNh3Production() * manure - v * nh3), 0, 200);
            }
            case GREENHOUSE -> {
                double v = 0.4 + (fan ? 6 : 0) + (greenhouseAir(s) > 27 ? 2.5 : 0);
                double uptake = 700 * outdoorLight * climate.transmission() / 65000;
                co2 = clamp(co2 + h * (90 - uptake - v * (co2 - 415)), 200, 3000);
                nh3 = 0.3;
            }
            case OPEN -> {
                co2 = outdoorCo2(s);
                nh3 = 0.3;
            }
        }
        runoff += h * (rainMm / h - runoff / 6.0);
        level += h * (0.02 * runoff - level / 24.0);
    }

    private Conditions conditions(Instant now) {
        double s = seconds(now);
        double outdoorAir = airTemperature(s);
        double air = switch (climate.enclosure()) {
            case GREENHOUSE -> greenhouseAir(s);
            case BARN -> 0.6 * outdoorAir + 0.4 * climate.meanCelsius() + 3 - (loadsOn.contains(Load.FAN) ? 1.5 : 0);
            case OPEN -> outdoorAir;
        };
        double dewPoint = dewPoint(s) + switch (climate.enclosure()) {
            case GREENHOUSE -> 4;
            case BARN -> 2;
            case OPEN -> 0;
        };
        double rain = rainRate(s);
        double humidity = clamp(100 * vapourPressure(Math.min(dewPoint, air)) / vapourPressure(air), 8, 100);
        if (rain > 0 && climate.enclosure() == Enclosure.OPEN) {
            humidity = Math.max(humidity, Math.min(100, 92 + rain));
        }
        double pressure = 101325 * Math.exp(-climate.altitude() / 8434.0) + 900 * noise.at(PRESSURE, s, 36 * 3600)
                + 250 * noise.at(PRESSURE_FAST, s, 6 * 3600) + 80 * Math.sin(2 * Math.PI * localHour(s) / 12)
                - (rain > 0 ? 300 : 0);
        double outdoorLight = outdoorLight(s);
        double illuminance = outdoorLight * climate.transmission();
        if (climate.enclosure() == Enclosure.BARN && localHour(s) >= 6 && localHour(s) < 20) {
            illuminance += 150; // lamps over the pens
        }
        double soilTemperature = climate.meanCelsius() + (climate.enclosure() == Enclosure.GREENHOUSE ? 4 : 0)
                + 0.35 * climate.amplitudeCelsius() * Math.sin(2 * Math.PI * (localHour(s) - 12) / 24)
                + 0.6 * noise.at(TEMPERATURE, s, 12 * 3600);
        double saturation = DissolvedOxygenCalibration.saturationMgPerL(waterTemperature);
        boolean river = climate.water() == Water.RIVER;
        double ph = (river ? 7.5 : 7.2) + (river ? 0.3 : 0.8) * Math.tanh((dissolvedOxygen - saturation) / 5)
                + 0.05 * noise.at(WATER, s, 3 * 3600);
        double pollution = Math.max(0, noise.at(POLLUTION, s, 18 * 3600) - 0.7) / 0.3;
        double conductivity = (river ? 0.032 : 0.045) + 0.003 * noise.at(WATER, s, 24 * 3600)
                + (river ? 0.05 * pollution : 0) - Math.min(0.01, 0.0005 * runoff);
        double turbidity = (river ? 12 : 28) + 25 * runoff + (loadsOn.contains(Load.AERATOR) ? 10 : 0)
                + 3 * noise.at(WATER, s + 1e5, 2 * 3600);
        double episode = Math.max(0, noise.at(PM_EPISODE, s, 30 * 3600) - 0.3) / 0.7;
        double hour = localHour(s);
        double rushHours = 0.25 * (Math.exp(-Math.pow((hour - 8) / 1.5, 2)) + Math.exp(-Math.pow((hour - 19) / 2, 2)));
        double pm25 = Math.max(1, climate.pmBase() * (1 + rushHours) * (1 + 6 * episode * episode)
                * (rain > 0 ? 0.5 : 1) + 3 * noise.at(PM_FAST, s, 3600));
        double leafWetness = rain > 0 ? 100 : clamp((humidity - 88) / 12 * 100, 0, 100);
        return new Conditions(now, air, humidity, pressure, illuminance, soilMoisture, soilTemperature,
                waterTemperature, dissolvedOxygen, ph, Math.max(0.001, conductivity), Math.max(0.5, turbidity), co2,
                nh3, 0.68 * pm25, pm25, 1.6 * pm25 + 8, rain, rainTotal, windSpeed(s), windDirection(s),
                1.5 + level, leafWetness,
                12.4 + 1.2 * Math.min(1, outdoorLight / 60000) + 0.05 * noise.at(DEVICE, s, 600),
                47 + 0.5 * (air - 20) + 1.5 * noise.at(DEVICE, s + 1e5, 600));
    }

    private double airTemperature(double s) {
        return climate.meanCelsius() + climate.amplitudeCelsius() * Math.sin(2 * Math.PI * (localHour(s) - 9) / 24)
                + 2.5 * noise.at(TEMPERATURE, s, 6 * 3600) + 0.8 * noise.at(TEMPERATURE_FAST, s, 3600)
                - (rainRate(s) > 0 ? 2 : 0);
    }

    private double greenhouseAir(double s) {
        return airTemperature(s) + 3 + 10 * outdoorLight(s) / 100000 - (loadsOn.contains(Load.FAN) ? 4 : 0);
    }

    private double dewPoint(double s) {
        double dew = climate.meanCelsius() - climate.dewDepression() - 0.3 * climate.amplitudeCelsius()
                + 2.0 * noise.at(DEW_POINT, s, 8 * 3600);
        return rainRate(s) > 0 ? Math.max(dew, airTemperature(s) - 1) : dew;
    }

    /** Magnus formula, hPa (WMO-No. 8 annex 4.B). */
    private static double vapourPressure(double celsius) {
        return 6.112 * Math.exp(17.62 * celsius / (243.12 + celsius));
    }

    /** Daylight in lx outside: sun elevation (declination by Cooper 1969), clouds and rain. */
    private double outdoorLight(double s) {
        double dayOfYear = Math.floorMod((long) Math.floor((s + UTC_OFFSET_SECONDS) / 86400), 365L) + 1;
        double declination = Math.toRadians(23.44) * Math.sin(2 * Math.PI * (284 + dayOfYear) / 365);
        double hourAngle = Math.toRadians(15 * (localHour(s) - 12));
        double sinElevation = Math.sin(LATITUDE) * Math.sin(declination)
                + Math.cos(LATITUDE) * Math.cos(declination) * Math.cos(hourAngle);
        if (sinElevation <= 0) {
            return 0;
        }
        double cloud = clamp(0.35 + 0.45 * noise.at(CLOUD, s, 3 * 3600), 0, 1);
        return 110000 * Math.pow(sinElevation, 1.2) * (1 - 0.7 * cloud) * (rainRate(s) > 0 ? 0.35 : 1);
    }

    private double rainRate(double s) {
        double weather = 0.7 * noise.at(RAIN, s, 3 * 3600) + 0.3 * noise.at(RAIN_FAST, s, 25 * 60);
        double threshold = climate.rainThreshold();
        return weather > threshold ? (weather - threshold) / (1 - threshold) * 18 : 0;
    }

    private double windSpeed(double s) {
        if (climate.windMean() == 0) {
            return 0.1 * Math.abs(noise.at(GUST, s, 120));
        }
        double diurnal = 0.75 + 0.5 * Math.max(0, Math.sin(2 * Math.PI * (localHour(s) - 8) / 24));
        return Math.max(0, climate.windMean() * diurnal * (1 + 0.3 * noise.at(WIND, s, 4 * 3600))
                + 1.4 * noise.at(WIND, s, 20 * 60) + 0.7 * noise.at(GUST, s, 30));
    }

    private double windDirection(double s) {
        return Math.floorMod(Math.round(200 + 140 * noise.at(WIND_DIRECTION, s, 5 * 3600)
                + 25 * noise.at(WIND_DIRECTION, s, 300)), 360L);
    }

    private double outdoorCo2(double s) {
        double night = 1 - Math.min(1, outdoorLight(s) / 20000);
        return 415 + 30 * night + 8 * noise.at(DEVICE, s + 2e5, 2 * 3600);
    }

    /** Animals breathe out CO2 and manure releases ammonia, ppm per hour of barn air. */
    private static double barnCo2Production() {
        return 1200;
    }

    private static double barnNh3Production() {
        return 14;
    }

    /** Air changes per hour: natural draught, or the exhaust fans. */
    private static double barnVentilation(boolean fan) {
        return fan ? 7.8 : 0.8;
    }

    private static double localHour(double s) {
        return Math.floorMod((long) Math.floor(s) + UTC_OFFSET_SECONDS, 86400L) / 3600.0;
    }

    private static double seconds(Instant t) {
        return t.getEpochSecond() + t.getNano() / 1e9;
    }

    private static double clamp(double v, double min, double max) {
        return Math.max(min, Math.min(max, v));
    }
}
