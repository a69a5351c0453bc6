package io.agrisense.platform.model.frost;

import io.agrisense.platform.model.TimedValue;
import io.agrisense.platform.model.evapotranspiration.SolarGeometry;
import io.agrisense.protocol.StationId;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * What the frost model reads for one station and night.
 *
 * @param zone         the station's time zone, for the clock times in the sentence
 * @param airTemperature since sunset at least (degrees Celsius)
 * @param dewPoint     may be empty (then the frost kind is assumed black frost)
 * @param windSpeed    may be empty (then the night is taken as calm)
 * @param skyClearness Rs/Rso of the hours before sunset when the station measures radiation, else empty (then
 *                     the sky is taken as clear)
 */
public record FrostNight(StationId station, ZoneId zone, SolarGeometry.Night night, List<TimedValue> airTemperature,
                         List<TimedValue> dewPoint, List<TimedValue> windSpeed, OptionalDouble skyClearness) {

    public FrostNight {
        Objects.requireNonNull(station, "station");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(night, "night");
        airTemperature = List.copyOf(airTemperature);
        dewPoint = List.copyOf(dewPoint);
        windSpeed = List.copyOf(windSpeed);
        Objects.requireNonNull(skyClearness, "skyClearness");
    }
}
