package io.agrisense.platform.api;

import io.agrisense.platform.config.Durations;
import io.agrisense.platform.store.SeriesReader.Point;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/** A series as JSON or CSV. */
final class SeriesFormat {

    private SeriesFormat() {
    }

    static JsonObject json(SeriesRequest r, List<Point> points) {
        JsonArray array = new JsonArray();
        for (Point p : points) {
            array.add(new JsonObject().put("time", p.time().toString()).put("value", p.value()));
        }
        return new JsonObject()
                .put("station", r.station())
                .put("metric", r.metric().name())
                .put("unit", r.metric().unit())
                .put("from", r.from().toString())
                .put("to", r.to().toString())
                .put("step", r.step() == null ? null : Durations.format(r.step()))
                .put("agg", r.agg() == null ? null : r.agg().label())
                .put("points", array);
    }

    /** A header line ({@code time,value} or {@code time,<agg>}), then one line per point; RFC 4180 line ends. */
    static String csv(SeriesRequest r, List<Point> points) {
        StringBuilder out = new StringBuilder(points.size() * 36 + 16);
        out.append("time,").append(r.agg() == null ? "value" : r.agg().label()).append("\r\n");
        for (Point p : points) {
            out.append(p.time()).append(',').append(number(p.value())).append("\r\n");
        }
        return out.toString();
    }

    private static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
