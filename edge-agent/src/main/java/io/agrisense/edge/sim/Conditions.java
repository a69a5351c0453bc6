package io.agrisense.edge.sim;

import io.agrisense.protocol.MetricCatalogue;
import java.time.Instant;

/**
 * The modelled physical state at one instant, in catalogue units. {@code rainRate} is mm/h and {@code rainTotal} the
 * rain since the model started (mm); a rain gauge reports differences of it.
 */
public record Conditions(Instant time, double airTemperature, double relativeHumidity, double airPressure,
                         double illuminance, double soilMoisture, double soilTemperature, double waterTemperature,
                         double dissolvedOxygen, double ph, double conductivity, double turbidity, double co2,
                         double nh3, double pm1, double pm25, double pm10, double rainRate, double rainTotal,
                         double windSpeed, double windDirection, double waterLevel, double leafWetness,
                         double batteryVoltage, double cpuTemperature) {

    /** The value a sensor of this metric would measure. */
    public double value(String metric) {
        return switch (metric) {
            case MetricCatalogue.AIR_TEMPERATURE -> airTemperature;
            case MetricCatalogue.RELATIVE_HUMIDITY -> relativeHumidity;
            case MetricCatalogue.AIR_PRESSURE -> airPressure;
            case MetricCatalogue.ILLUMINANCE -> illuminance;
            case MetricCatalogue.SOIL_MOISTURE -> soilMoisture;
            case MetricCatalogue.SOIL_TEMPERATURE -> soilTemperature;
            case MetricCatalogue.WATER_TEMPERATURE -> waterTemperature;
            case MetricCatalogue.DISSOLVED_OXYGEN -> dissolvedOxygen;
            case MetricCatalogue.PH -> ph;
            case MetricCatalogue.CONDUCTIVITY -> conductivity;
            case MetricCatalogue.TURBIDITY -> turbidity;
            case MetricCatalogue.CO2 -> co2;
            case MetricCatalogue.NH3 -> nh3;
            case MetricCatalogue.PM1_0 -> pm1;
            case MetricCatalogue.PM2_5 -> pm25;
            case MetricCatalogue.PM10 -> pm10;
            case MetricCatalogue.WIND_SPEED -> windSpeed;
            case MetricCatalogue.WIND_DIRECTION -> windDirection;
            case MetricCatalogue.WATER_LEVEL -> waterLevel;
            case MetricCatalogue.LEAF_WETNESS -> leafWetness;
            case MetricCatalogue.BATTERY_VOLTAGE -> batteryVoltage;
            case MetricCatalogue.CPU_TEMPERATURE -> cpuTemperature;
            default -> throw new IllegalArgumentException("the environment model has no value for metric '" + metric + "'");
        };
    }

    /** Temperature of the medium an analog probe of this metric sits in, for its temperature-dependent response. */
    public double mediumTemperature(String metric) {
        return switch (metric) {
            case MetricCatalogue.SOIL_MOISTURE -> soilTemperature;
            case MetricCatalogue.DISSOLVED_OXYGEN, MetricCatalogue.PH, MetricCatalogue.CONDUCTIVITY,
                 MetricCatalogue.TURBIDITY -> waterTemperature;
            default -> airTemperature;
        };
    }
}
