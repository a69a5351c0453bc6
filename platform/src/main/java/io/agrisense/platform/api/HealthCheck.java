package io.agrisense.platform.api;

/**
 * One component reported by {@code /health} (database, broker, ingest, alerts). Runs on a worker and must answer
 * quickly: a check that takes longer than 400 ms is reported down.
 */
public interface HealthCheck {

    String name();

    Status check();

    record Status(boolean up, String detail) {
        public static Status up(String detail) {
            return new Status(true, detail);
        }

        public static Status down(String detail) {
            return new Status(false, detail);
        }
    }
}
