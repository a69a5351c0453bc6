package io.agrisense.platform.alert;

import io.agrisense.protocol.StationId;

/**
 * What makes an alert unique while active: at most one active alert per rule, station and metric.
 * Station offline alerts use the metric {@value #STATION_STATUS}, after the status topic.
 */
public record AlertKey(String ruleId, StationId station, String metric) {

    public static final String STATION_STATUS = "status";

    @Override
    public String toString() {
        return ruleId + "/" + station + "/" + metric;
    }
}
