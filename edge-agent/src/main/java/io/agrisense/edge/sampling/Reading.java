package io.agrisense.edge.sampling;

import io.agrisense.protocol.MetricCatalogue;

/**
 * One timestamped value on its way upstream: a measurement ({@code value}, catalogue {@code unit}) or a station
 * event ({@code text}, a short JSON carried as a SenML {@code vs} record named {@link MetricCatalogue#EVENT}).
 */
public record Reading(String name, String unit, long epochMillis, double value, String text) {

    public static Reading measurement(String name, String unit, long epochMillis, double value) {
        return new Reading(name, unit, epochMillis, value, null);
    }

    public static Reading event(long epochMillis, String json) {
        return new Reading(MetricCatalogue.EVENT, null, epochMillis, Double.NaN, json);
    }

    public boolean isEvent() {
        return text != null;
    }
}
