package io.agrisense.link.localapi;

import io.agrisense.link.buffer.QueueStats;
import io.agrisense.link.uplink.UplinkStats;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

/**
 * The meters a station and a gateway share, read from the queue's and the pump's own counters at scrape time:
 * queue records, bytes and drops; uplink messages sent, records acknowledged and rejected, send failures, connected;
 * and the JVM's memory, GC, threads and the process's CPU, file descriptors and uptime.
 */
public final class LinkMetrics {

    private LinkMetrics() {
    }

    /**
     * A Prometheus registry with the JVM and process meters bound. Two of Micrometer's names fail
     * {@code promtool check metrics}: {@code process_cpu_time_ns_total} (abbreviated unit; {@code process_cpu_usage}
     * says the same) is left out, and {@code system_cpu_count} (a "_count" suffix on a gauge) is {@code system_cpu_cores}.
     */
    public static PrometheusMeterRegistry registry() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        registry.config().meterFilter(MeterFilter.deny(id -> id.getName().equals("process.cpu.time")));
        registry.config().meterFilter(new MeterFilter() {
            @Override
            public Meter.Id map(Meter.Id id) {
                return id.getName().equals("system.cpu.count") ? id.withName("system.cpu.cores") : id;
            }
        });
        new JvmMemoryMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new FileDescriptorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        return registry;
    }

    public static void bindQueue(MeterRegistry registry, Supplier<QueueStats> queue) {
        Gauge.builder("agri.queue.records", queue, q -> q.get().records())
                .description("Records waiting in the disk queue").register(registry);
        Gauge.builder("agri.queue.bytes", queue, q -> q.get().bytes()).baseUnit("bytes")
                .description("Bytes held by the disk queue").register(registry);
        counter(registry, "agri.queue.dropped.records", "Records dropped because the queue was full", queue,
                q -> q.get().droppedRecords());
        counter(registry, "agri.queue.dropped.readings", "Readings dropped because the queue was full", queue,
                q -> q.get().droppedReadings());
    }

    public static void bindUplink(MeterRegistry registry, Supplier<UplinkStats> uplink) {
        Gauge.builder("agri.uplink.connected", uplink, u -> u.get().linkUp() ? 1 : 0)
                .description("1 while the link upstream is up").register(registry);
        counter(registry, "agri.uplink.messages.sent", "Messages sent upstream", uplink, u -> u.get().messagesSent());
        counter(registry, "agri.uplink.records.acked", "Queue records acknowledged upstream (PUBACK, 2.04)", uplink,
                u -> u.get().recordsDelivered());
        counter(registry, "agri.uplink.records.rejected", "Queue records dropped as bad input", uplink,
                u -> u.get().recordsRejected());
        counter(registry, "agri.uplink.send.failures", "Sends that failed and were retried", uplink,
                u -> u.get().sendFailures());
    }

    /** A monotonic count kept elsewhere, read at scrape time. */
    public static <T> void counter(MeterRegistry registry, String name, String description, T source, ToDoubleFunction<T> count) {
        FunctionCounter.builder(name, source, count).description(description).register(registry);
    }
}
