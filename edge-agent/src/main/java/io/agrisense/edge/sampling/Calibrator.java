package io.agrisense.edge.sampling;

import io.agrisense.edge.config.Calibration;
import io.agrisense.protocol.Metric;
import java.util.Map;

/** Applies a sensor's {@code calibration:} entries: unit conversion to the catalogue unit, then scale and offset. */
public final class Calibrator {

    private final Map<String, Calibration> byMetric;

    public Calibrator(Map<String, Calibration> byMetric) {
        this.byMetric = Map.copyOf(byMetric);
    }

    public double apply(Metric metric, double raw) {
        Calibration c = byMetric.get(metric.name());
        if (c == null) {
            return raw;
        }
        double v = c.fromUnit() == null ? raw : UnitConversion.convert(raw, c.fromUnit(), metric.unit());
        return v * c.scale() + c.offset();
    }
}
