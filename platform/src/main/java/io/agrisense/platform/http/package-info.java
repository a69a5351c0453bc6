/**
 * HTTP plumbing shared by every package that serves routes (the API, HTTP ingest, the alert routes): mounting
 * through {@link io.agrisense.platform.http.RouteContributor}, JSON answers and errors, the hop to a worker for JDBC.
 * Depends on Vert.x Web only.
 */
package io.agrisense.platform.http;
