package io.agrisense.protocol;

import static io.agrisense.protocol.Metric.Origin.DERIVED;
import static io.agrisense.protocol.Metric.Origin.HEALTH;
import static io.agrisense.protocol.Metric.Origin.MEASURED;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The canonical metric names, SenML units and plausible ranges (docs/architecture.md, "Metric catalogue"). */
public final class MetricCatalogue {

    public static final String AIR_TEMPERATURE = "air_temperature";
    public static final String SOIL_TEMPERATURE = "soil_temperature";
    public static final String WATER_TEMPERATURE = "water_temperature";
    public static final String RELATIVE_HUMIDITY = "relative_humidity";
    public static final String AIR_PRESSURE = "air_pressure";
    public static final String SOIL_MOISTURE = "soil_moisture";
    public static final String ILLUMINANCE = "illuminance";
    public static final String CO2 = "co2";
    public static final String NH3 = "nh3";
    public static final String PM1_0 = "pm1_0";
    public static final String PM2_5 = "pm2_5";
    public static final String PM10 = "pm10";
    public static final String DISSOLVED_OXYGEN = "dissolved_oxygen";
    public static final String PH = "ph";
    public static final String CONDUCTIVITY = "conductivity";
    public static final String TURBIDITY = "turbidity";
    public static final String RAINFALL = "rainfall";
    public static final String WIND_SPEED = "wind_speed";
    public static final String WIND_DIRECTION = "wind_direction";
    public static final String WATER_LEVEL = "water_level";
    public static final String LEAF_WETNESS = "leaf_wetness";
    public static final String BATTERY_VOLTAGE = "battery_voltage";

    public static final String DEW_POINT = "dew_point";
    public static final String VPD = "vpd";
    public static final String THI = "thi";
    public static final String DO_SATURATION = "do_saturation";
    public static final String AQI_CN = "aqi_cn";
    public static final String AQI_US = "aqi_us";
    public static final String GDD = "gdd";
    public static final String ET0 = "et0";

    public static final String AGENT_QUEUE_RECORDS = "agent_queue_records";
    public static final String AGENT_QUEUE_BYTES = "agent_queue_bytes";
    public static final String AGENT_DROPPED_READINGS = "agent_dropped_readings";
    public static final String AGENT_SENSOR_ERRORS = "agent_sensor_errors";
    public static final String AGENT_UPTIME = "agent_uptime";
    public static final String CPU_TEMPERATURE = "cpu_temperature";

    /**
     * Not a metric: the name of SenML string records ({@code vs}) that carry station events, such as an edge
     * rule switching the pond aerator on. The platform stores them as events, not as a numeric series.
     */
    public static final String EVENT = "event";

    private static final Map<String, Metric> METRICS = build();

    private MetricCatalogue() {
    }

    private static Map<String, Metric> build() {
        Map<String, Metric> m = new LinkedHashMap<>();
        add(m, AIR_TEMPERATURE, "Cel", -60, 85, MEASURED, "air temperature");
        add(m, SOIL_TEMPERATURE, "Cel", -60, 85, MEASURED, "soil temperature");
        add(m, WATER_TEMPERATURE, "Cel", 0, 45, MEASURED, "water temperature");
        add(m, RELATIVE_HUMIDITY, "%RH", 0, 100, MEASURED, "relative humidity");
        add(m, AIR_PRESSURE, "Pa", 30000, 110000, MEASURED, "barometric air pressure");
        add(m, SOIL_MOISTURE, "%", 0, 100, MEASURED, "volumetric soil water content");
        add(m, ILLUMINANCE, "lx", 0, 200000, MEASURED, "illuminance");
        add(m, CO2, "ppm", 0, 10000, MEASURED, "carbon dioxide");
        add(m, NH3, "ppm", 0, 500, MEASURED, "ammonia (livestock barns)");
        add(m, PM1_0, "ug/m3", 0, 2000, MEASURED, "particulate matter below 1 um");
        add(m, PM2_5, "ug/m3", 0, 2000, MEASURED, "particulate matter below 2.5 um");
        add(m, PM10, "ug/m3", 0, 2000, MEASURED, "particulate matter below 10 um");
        add(m, DISSOLVED_OXYGEN, "mg/L", 0, 25, MEASURED, "dissolved oxygen");
        add(m, PH, "pH", 0, 14, MEASURED, "acidity");
        add(m, CONDUCTIVITY, "S/m", 0, 20, MEASURED, "electrical conductivity");
        add(m, TURBIDITY, "NTU", 0, 4000, MEASURED, "turbidity");
        add(m, RAINFALL, "mm", 0, 500, MEASURED, "rainfall since the previous reading");
        add(m, WIND_SPEED, "m/s", 0, 75, MEASURED, "wind speed");
        add(m, WIND_DIRECTION, "deg", 0, 360, MEASURED, "wind direction, clockwise from north");
        add(m, WATER_LEVEL, "m", -10, 100, MEASURED, "water level");
        add(m, LEAF_WETNESS, "%", 0, 100, MEASURED, "leaf wetness");
        add(m, BATTERY_VOLTAGE, "V", 0, 60, MEASURED, "battery voltage");

        add(m, DEW_POINT, "Cel", -90, 85, DERIVED, "dew point (Magnus formula)");
        add(m, VPD, "kPa", 0, 20, DERIVED, "vapour pressure deficit");
        add(m, THI, null, 0, 150, DERIVED, "temperature-humidity index (NRC 1971)");
        add(m, DO_SATURATION, "%", 0, 500, DERIVED, "dissolved oxygen as a share of saturation");
        add(m, AQI_CN, null, 0, 500, DERIVED, "air quality index, China HJ 633-2012");
        add(m, AQI_US, null, 0, 500, DERIVED, "air quality index, US EPA");
        add(m, GDD, "Cel.d", 0, 10000, DERIVED, "growing degree days accumulated");
        add(m, ET0, "mm", 0, 30, DERIVED, "FAO-56 reference evapotranspiration per day");

        add(m, AGENT_QUEUE_RECORDS, "count", 0, Double.MAX_VALUE, HEALTH, "records waiting in the agent's store-and-forward queue");
        add(m, AGENT_QUEUE_BYTES, "B", 0, Double.MAX_VALUE, HEALTH, "bytes held by the agent's store-and-forward queue");
        add(m, AGENT_DROPPED_READINGS, "count", 0, Double.MAX_VALUE, HEALTH, "readings the agent dropped because its queue was full (total)");
        add(m, AGENT_SENSOR_ERRORS, "count", 0, Double.MAX_VALUE, HEALTH, "failed sensor reads (total)");
        add(m, AGENT_UPTIME, "s", 0, Double.MAX_VALUE, HEALTH, "seconds since the agent started");
        add(m, CPU_TEMPERATURE, "Cel", -40, 125, HEALTH, "Raspberry Pi SoC temperature");
        return Collections.unmodifiableMap(m);
    }

    private static void add(Map<String, Metric> m, String name, String unit, double min, double max,
                            Metric.Origin origin, String description) {
        m.put(name, new Metric(name, unit, min, max, origin, description));
    }

    public static Optional<Metric> lookup(String name) {
        return Optional.ofNullable(METRICS.get(name));
    }

    public static Metric require(String name) {
        Metric metric = METRICS.get(name);
        if (metric == null) {
            throw new IllegalArgumentException("unknown metric '" + name + "'");
        }
        return metric;
    }

    public static Collection<Metric> all() {
        return METRICS.values();
    }
}
