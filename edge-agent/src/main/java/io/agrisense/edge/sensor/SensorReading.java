package io.agrisense.edge.sensor;

/** One value read from a sensor: a canonical metric name (see MetricCatalogue) and a value in the catalogue's unit. */
public record SensorReading(String metric, double value) {
}
