package io.agrisense.platform.http;

import io.vertx.ext.web.Router;

/**
 * Adds routes to the platform's HTTP API (the alert engine mounts {@code /api/v1/alerts} this way). Mounted on the
 * event loop before the dashboard and the 404 fallback; handlers must not block (use a worker for JDBC).
 */
public interface RouteContributor {

    void mount(Router router);
}
