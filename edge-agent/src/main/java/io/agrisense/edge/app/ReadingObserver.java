package io.agrisense.edge.app;

import io.agrisense.edge.sampling.Reading;
import java.util.List;

/** Sees every group of readings once it is safely in the store-and-forward queue (a local tap for demos, tests, benches). */
@FunctionalInterface
public interface ReadingObserver {

    /** {@code source} is the sensor name, {@code "health"} or {@code "event"}. Called on the agent's scheduler thread. */
    void stored(String source, List<Reading> readings);
}
