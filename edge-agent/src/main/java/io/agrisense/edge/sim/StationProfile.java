package io.agrisense.edge.sim;

import java.util.Arrays;
import java.util.List;

/** The station profiles (docs/architecture.md, "Station profiles") with the climate the simulation gives each one. */
public enum StationProfile {

    GREENHOUSE("greenhouse", new Climate(21, 6, 5, 50, 0.65, 0.5, 0.0, 15, Enclosure.GREENHOUSE, Water.POND)),
    ORCHARD("orchard", new Climate(18, 7, 6, 120, 1.0, 0.5, 2.5, 20, Enclosure.OPEN, Water.POND)),
    TEA_GARDEN("tea_garden", new Climate(17, 6, 4, 600, 1.0, 0.4, 2.0, 15, Enclosure.OPEN, Water.POND)),
    CRAYFISH_POND("crayfish_pond", new Climate(22, 5, 5, 30, 1.0, 0.5, 2.5, 25, Enclosure.OPEN, Water.POND)),
    LIVESTOCK_BARN("livestock_barn", new Climate(20, 5, 5, 80, 0.05, 0.5, 0.0, 40, Enclosure.BARN, Water.POND)),
    AIR_QUALITY("air_quality", new Climate(16, 6, 6, 40, 1.0, 0.55, 2.8, 45, Enclosure.OPEN, Water.POND)),
    RIVER_WATER_QUALITY("river_water_quality", new Climate(19, 6, 5, 60, 1.0, 0.5, 3.0, 20, Enclosure.OPEN, Water.RIVER));

    private final String id;
    private final Climate climate;

    StationProfile(String id, Climate climate) {
        this.id = id;
        this.climate = climate;
    }

    /** The profile name used in station YAML files. */
    public String id() {
        return id;
    }

    Climate climate() {
        return climate;
    }

    public static StationProfile of(String id) {
        for (StationProfile p : values()) {
            if (p.id.equals(id)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown station profile '" + id + "'; known profiles: " + ids());
    }

    public static List<String> ids() {
        return Arrays.stream(values()).map(StationProfile::id).toList();
    }

    enum Enclosure { OPEN, GREENHOUSE, BARN }

    enum Water { POND, RIVER }

    /**
     * @param meanCelsius      daily mean outdoor air temperature
     * @param amplitudeCelsius half the daily temperature range
     * @param dewDepression    mean air temperature minus mean dew point
     * @param altitude         metres above sea level (sets the mean pressure)
     * @param transmission     share of daylight reaching the light sensor (greenhouse film, barn windows)
     * @param rainThreshold    weather index above which it rains; lower is wetter
     * @param windMean         mean wind speed at the mast, m/s (0 indoors)
     * @param pmBase           background PM2.5, µg/m³
     */
    record Climate(double meanCelsius, double amplitudeCelsius, double dewDepression, double altitude,
                   double transmission, double rainThreshold, double windMean, double pmBase,
                   Enclosure enclosure, Water water) {
    }
}
