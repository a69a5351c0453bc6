package io.agrisense.platform.model.tracing;

/** A station's position and one pollutant's series on the grid shared by the stations compared. */
public record StationSeries(String station, GeoPoint position, RegularSeries series) {
}
