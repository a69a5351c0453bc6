package io.agrisense.platform.model.air;

import io.agrisense.protocol.GasUnits;

/**
 * The six pollutants of GB 3095-2012 Table 1 that both air quality indices cover, with their metric names. Gases are
 * stored in ug/m3 at the GB 3095 reference state (298.15 K), CO in mg/m3, particulate matter in ug/m3 at ambient
 * conditions, as HJ 633-2012 indexes them.
 */
public enum AirPollutant {
    SO2("so2", GasUnits.Gas.SO2), NO2("no2", GasUnits.Gas.NO2), CO("co", GasUnits.Gas.CO), O3("o3", GasUnits.Gas.O3),
    PM10("pm10", null), PM2_5("pm2_5", null);

    private final String metric;
    private final GasUnits.Gas gas;

    AirPollutant(String metric, GasUnits.Gas gas) {
        this.metric = metric;
        this.gas = gas;
    }

    public String metric() {
        return metric;
    }

    /** The gas for unit conversions, or null for particulate matter. */
    public GasUnits.Gas gas() {
        return gas;
    }
}
