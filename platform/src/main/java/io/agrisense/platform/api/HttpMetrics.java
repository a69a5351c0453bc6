package io.agrisense.platform.api;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter.MeterProvider;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vertx.core.Handler;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * {@code agri_http_requests_total} and the {@code agri_http_request_duration_seconds} histogram by method, route and
 * status. The route is the template the request's path matches ({@code /api/v1/stations/:id/latest}), whatever the
 * handler answered (a 404 for an unknown station, a 500), found from the path itself because a failing request has
 * left its route by the time it is answered. The dashboard's files are {@code static}; any other path is
 * {@code unmatched}, so requests for random paths cannot create new series.
 */
final class HttpMetrics {

    static final String STATIC = "static";
    static final String UNMATCHED = "unmatched";
    private static final String LABEL = "agri.metrics.route";
    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS");

    private record Template(String path, Pattern pattern) {
    }

    private final MeterProvider<Counter> requests;
    private final MeterProvider<Timer> durations;
    private volatile List<Template> templates = List.of();

    HttpMetrics(MeterRegistry registry) {
        requests = Counter.builder("agri.http.requests").description("HTTP requests answered, by method, route and status")
                .withRegistry(registry);
        durations = Timer.builder("agri.http.request.duration")
                .description("Time from a request's arrival to the end of its answer, by method, route and status")
                .withRegistry(registry);
    }

    /** Mounted before every other route: counts and times each request when its answer ends. */
    Handler<RoutingContext> measure() {
        return ctx -> {
            long start = System.nanoTime();
            ctx.addBodyEndHandler(v -> {
                String method = ctx.request().method().name();
                String[] tags = {"method", METHODS.contains(method) ? method : "other", "route", route(ctx),
                        "status", Integer.toString(ctx.response().getStatusCode())};
                requests.withTags(tags).increment();
                durations.withTags(tags).record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            });
            ctx.next();
        };
    }

    /** Marks the request for the label it gets when no route template matches its path. */
    static void label(RoutingContext ctx, String label) {
        ctx.put(LABEL, label);
    }

    /** Learns the route templates (exact paths, with or without {@code :params}) once every route is mounted. */
    void learn(Router router) {
        List<Template> found = new ArrayList<>();
        for (Route r : router.getRoutes()) {
            String path = r.getPath();
            if (path != null && r.isExactPath() && found.stream().noneMatch(t -> t.path.equals(path))) {
                found.add(new Template(path, pattern(path)));
            }
        }
        templates = List.copyOf(found);
    }

    String route(RoutingContext ctx) {
        String path = ctx.normalizedPath();
        for (Template t : templates) {
            if (t.pattern.matcher(path).matches()) {
                return t.path;
            }
        }
        String label = ctx.get(LABEL);
        return label == null ? UNMATCHED : label;
    }

    /** A template as Vert.x Web reads it: {@code :name} is one path segment, a trailing slash is optional. */
    static Pattern pattern(String template) {
        StringJoiner regex = new StringJoiner("/");
        for (String segment : template.split("/", -1)) {
            regex.add(segment.startsWith(":") ? "[^/]+" : Pattern.quote(segment));
        }
        return Pattern.compile(regex + (template.endsWith("/") ? "" : "/?"));
    }
}
