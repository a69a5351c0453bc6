package io.agrisense.platform.model.oxygen;

import io.agrisense.platform.model.TimedValue;
import io.agrisense.platform.model.evapotranspiration.SolarGeometry;
import io.agrisense.protocol.StationId;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * What the oxygen-sag model reads for one pond and night: dissolved oxygen (mg/L) and water temperature (degrees
 * Celsius, may be empty) since dusk; the night runs from sunset (photosynthesis stops) to sunrise.
 */
public record OxygenNight(StationId station, ZoneId zone, SolarGeometry.Night night, List<TimedValue> dissolvedOxygen,
                          List<TimedValue> waterTemperature) {

    public OxygenNight {
        Objects.requireNonNull(station, "station");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(night, "night");
        dissolvedOxygen = List.copyOf(dissolvedOxygen);
        waterTemperature = List.copyOf(waterTemperature);
    }
}
