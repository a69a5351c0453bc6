package io.agrisense.platform.model;

import static io.agrisense.protocol.MetricCatalogue.AQI_CN;
import static io.agrisense.protocol.MetricCatalogue.AQI_US;
import static io.agrisense.protocol.MetricCatalogue.DEW_POINT;
import static io.agrisense.protocol.MetricCatalogue.DO_SATURATION;
import static io.agrisense.protocol.MetricCatalogue.ET0;
import static io.agrisense.protocol.MetricCatalogue.GDD;
import static io.agrisense.protocol.MetricCatalogue.THI;
import static io.agrisense.protocol.MetricCatalogue.VPD;

import java.util.Map;
import java.util.Set;

/** The station profiles (docs/architecture.md, "Station profiles") and which derived series each one gets. */
public final class StationProfiles {

    public static final String GREENHOUSE = "greenhouse";
    public static final String ORCHARD = "orchard";
    public static final String TEA_GARDEN = "tea_garden";
    public static final String CRAYFISH_POND = "crayfish_pond";
    public static final String LIVESTOCK_BARN = "livestock_barn";
    public static final String AIR_QUALITY = "air_quality";
    public static final String RIVER_WATER_QUALITY = "river_water_quality";

    private static final Set<String> ALL_DERIVED = Set.of(DEW_POINT, VPD, THI, DO_SATURATION, AQI_CN, AQI_US, GDD, ET0);

    private static final Map<String, Set<String>> DERIVED = Map.of(
            GREENHOUSE, Set.of(DEW_POINT, VPD, GDD),
            ORCHARD, Set.of(DEW_POINT, GDD, ET0),
            TEA_GARDEN, Set.of(DEW_POINT, GDD, ET0),
            CRAYFISH_POND, Set.of(DO_SATURATION),
            LIVESTOCK_BARN, Set.of(THI, DEW_POINT),
            AIR_QUALITY, Set.of(AQI_CN, AQI_US, DEW_POINT),
            RIVER_WATER_QUALITY, Set.of(DO_SATURATION));

    private StationProfiles() {
    }

    public static Set<String> known() {
        return DERIVED.keySet();
    }

    /** Derived metrics worth storing for a profile; an unknown or missing profile gets every one its inputs allow. */
    public static Set<String> derivedMetrics(String profile) {
        return profile == null ? ALL_DERIVED : DERIVED.getOrDefault(profile, ALL_DERIVED);
    }
}
