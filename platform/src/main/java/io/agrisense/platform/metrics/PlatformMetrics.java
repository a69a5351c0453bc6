package io.agrisense.platform.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.time.Duration;
import java.util.Arrays;

/**
 * The platform's Micrometer registry, rendered for {@code /metrics} in the Prometheus text format: the platform's
 * own meters plus the JVM (memory, GC, threads, classes) and the process (CPU, uptime, open files); the connection
 * pool and the HTTP server add theirs where they are built. Every timer is a histogram with the {@link #SECONDS}
 * buckets and no client-side percentiles: buckets add up across instances and over time, quantiles do not.
 */
public final class PlatformMetrics implements AutoCloseable {

    /** Buckets of every timer: from a millisecond (a small commit) to half a minute (a stuck one). */
    public static final Duration[] SECONDS = {Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(5),
            Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100),
            Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500),
            Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30)};

    /** Buckets for sizes, one to a hundred thousand (messages or readings per batch). */
    public static final double[] SIZES = {1, 2, 5, 10, 20, 50, 100, 200, 500, 1_000, 2_000, 5_000, 10_000, 20_000,
            50_000, 100_000};

    /** Also the pool's timers, which ask for client-side percentiles (a summary) of their own. */
    private static final MeterFilter TIMERS_AS_HISTOGRAMS = new MeterFilter() {
        @Override
        public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
            if (id.getType() != Meter.Type.TIMER) {
                return config;
            }
            return DistributionStatisticConfig.builder().percentiles().percentilesHistogram(false)
                    .serviceLevelObjectives(Arrays.stream(SECONDS).mapToDouble(Duration::toNanos).toArray())
                    .build().merge(config);
        }
    };

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gc = new JvmGcMetrics();

    public PlatformMetrics() {
        // promtool's lint refuses a "_count" suffix on a gauge and an abbreviated unit ("_ns"): the CPU time is
        // exported under its Prometheus name instead, the CPU count is left out.
        registry.config().meterFilter(MeterFilter.denyNameStartsWith("system.cpu.count"))
                .meterFilter(MeterFilter.denyNameStartsWith("process.cpu.time"))
                .meterFilter(TIMERS_AS_HISTOGRAMS);
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        new FileDescriptorMetrics().bindTo(registry);
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            FunctionCounter.builder("process.cpu", sun, b -> b.getProcessCpuTime() / 1e9).baseUnit("seconds")
                    .description("CPU time used by the platform's JVM").register(registry);
        }
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    /** The text for {@code /metrics} (Prometheus exposition format 0.0.4). */
    public String scrape() {
        return registry.scrape();
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}
