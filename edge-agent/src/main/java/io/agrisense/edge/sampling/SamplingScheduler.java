package io.agrisense.edge.sampling;

import io.agrisense.edge.config.SensorConfig;
import io.agrisense.edge.sensor.Sensor;
import io.agrisense.edge.sensor.SensorException;
import io.agrisense.edge.sensor.SensorReading;
import io.agrisense.protocol.Metric;
import io.agrisense.protocol.MetricCatalogue;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Samples every sensor at its own interval on the agent's one scheduler thread (no thread per sensor). A read
 * that fails yields no value: it is counted, and the sensor is retried with a growing back-off (its interval,
 * doubled per consecutive failure, up to {@link #MAX_BACKOFF} or the interval if longer).
 */
public final class SamplingScheduler implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SamplingScheduler.class);
    static final Duration MAX_BACKOFF = Duration.ofMinutes(5);

    /** Receives the calibrated, timestamped readings of one sensor read. */
    @FunctionalInterface
    public interface ReadingSink {
        void accept(String sensorName, List<Reading> readings);
    }

    private final ScheduledExecutorService loop;
    private final Clock clock;
    private final TimestampGuard guard;
    private final ReadingSink sink;
    private final Map<String, SensorTask> tasks = new LinkedHashMap<>();
    private final AtomicLong errors = new AtomicLong();
    private final Set<String> unknownMetricsLogged = ConcurrentHashMap.newKeySet();

    public SamplingScheduler(ScheduledExecutorService loop, Clock clock, TimestampGuard guard, ReadingSink sink) {
        this.loop = loop;
        this.clock = clock;
        this.guard = guard;
        this.sink = sink;
    }

    /** Starts sampling a sensor; its first read is right away. Call on the scheduler thread or before start. */
    public synchronized void add(Sensor sensor, SensorConfig config) {
        SensorTask task = new SensorTask(sensor, config);
        SensorTask old = tasks.put(config.name(), task);
        if (old != null) {
            old.stop();
        }
        task.scheduleIn(0);
    }

    /** Stops sampling a sensor and closes it. */
    public synchronized void remove(String name) {
        SensorTask task = tasks.remove(name);
        if (task != null) {
            task.stop();
        }
    }

    public synchronized Set<String> sensorNames() {
        return Set.copyOf(tasks.keySet());
    }

    /** Changes a sensor's interval; the next read is one new interval from now. */
    public synchronized boolean setInterval(String name, Duration interval) {
        SensorTask task = tasks.get(name);
        if (task == null) {
            return false;
        }
        task.config = task.config.withInterval(interval);
        task.reschedule();
        return true;
    }

    public synchronized Optional<Duration> interval(String name) {
        SensorTask task = tasks.get(name);
        return task == null ? Optional.empty() : Optional.of(task.config.interval());
    }

    /** Failed reads since start, all sensors. */
    public long sensorErrors() {
        return errors.get();
    }

    public synchronized List<SensorStatus> status() {
        List<SensorStatus> out = new ArrayList<>();
        for (SensorTask t : tasks.values()) {
            out.add(new SensorStatus(t.config.name(), t.config.type(), t.config.interval(), t.reads, t.errorCount,
                    t.consecutiveFailures, t.lastError));
        }
        return out;
    }

    @Override
    public synchronized void close() {
        tasks.values().forEach(SensorTask::stop);
        tasks.clear();
    }

    /** The metric's catalogue entry; an unknown metric still travels (the platform rejects it with a reason). */
    private Optional<Metric> metric(String sensorName, String name) {
        Optional<Metric> m = MetricCatalogue.lookup(name);
        if (m.isEmpty() && unknownMetricsLogged.add(name)) {
            LOG.warn("Sensor {} reports '{}', which is not in the metric catalogue; sent without a unit", sensorName, name);
        }
        return m;
    }

    private final class SensorTask implements Runnable {

        private final Sensor sensor;
        private final Calibrator calibrator;
        private volatile SensorConfig config;
        private ScheduledFuture<?> future;
        private long dueNanos;
        private boolean stopped;
        private long reads;
        private long errorCount;
        private int consecutiveFailures;
        private String lastError;

        SensorTask(Sensor sensor, SensorConfig config) {
            this.sensor = sensor;
            this.config = config;
            this.calibrator = new Calibrator(config.calibration());
        }

        void scheduleIn(long delayNanos) {
            dueNanos = System.nanoTime() + delayNanos;
            future = loop.schedule(this, delayNanos, TimeUnit.NANOSECONDS);
        }

        void reschedule() {
            if (future != null) {
                future.cancel(false);
            }
            scheduleIn(config.interval().toNanos());
        }

        void stop() {
            stopped = true;
            if (future != null) {
                future.cancel(false);
            }
            try {
                sensor.close();
            } catch (RuntimeException e) {
                LOG.warn("Sensor {} did not close cleanly: {}", config.name(), e.toString());
            }
        }

        @Override
        public void run() {
            if (stopped) {
                return;
            }
            long nextDelay;
            try {
                List<SensorReading> raw = sensor.read();
                long wall = clock.millis();
                List<Reading> readings = new ArrayList<>(raw.size());
                for (SensorReading r : raw) {
                    if (!Double.isFinite(r.value())) {
                        throw new SensorException(config.name() + " returned " + r.value() + " for " + r.metric());
                    }
                    Optional<Metric> m = metric(config.name(), r.metric());
                    double value = m.isPresent() ? calibrator.apply(m.get(), r.value()) : r.value();
                    readings.add(Reading.measurement(r.metric(), m.map(Metric::unit).orElse(null),
                            guard.stamp(r.metric(), wall), value));
                }
                synchronized (SamplingScheduler.this) {
                    reads++;
                    if (consecutiveFailures > 0) {
                        LOG.info("Sensor {} reads again after {} failed attempt(s)", config.name(), consecutiveFailures);
                    }
                    consecutiveFailures = 0;
                }
                if (!readings.isEmpty()) {
                    sink.accept(config.name(), readings);
                }
                dueNanos += config.interval().toNanos();
                nextDelay = Math.max(0, dueNanos - System.nanoTime());
                if (nextDelay == 0) {
                    dueNanos = System.nanoTime();
                }
            } catch (SensorException | RuntimeException e) {
                nextDelay = failed(e);
            }
            synchronized (SamplingScheduler.this) {
                if (!stopped) {
                    future = loop.schedule(this, nextDelay, TimeUnit.NANOSECONDS);
                }
            }
        }

        private long failed(Exception e) {
            errors.incrementAndGet();
            long backoff;
            synchronized (SamplingScheduler.this) {
                errorCount++;
                consecutiveFailures++;
                lastError = e instanceof SensorException ? e.getMessage() : e.toString();
                long interval = config.interval().toNanos();
                long cap = Math.max(interval, MAX_BACKOFF.toNanos());
                int shift = Math.min(consecutiveFailures - 1, 30);
                backoff = Math.min(cap, interval << shift < 0 ? cap : interval << shift);
                if (consecutiveFailures == 1 || Integer.bitCount(consecutiveFailures) == 1) {
                    LOG.warn("Sensor {} ({}) failed {} time(s) in a row: {}; next try in {} ms", config.name(),
                            config.type(), consecutiveFailures, lastError, TimeUnit.NANOSECONDS.toMillis(backoff));
                }
            }
            dueNanos = System.nanoTime() + backoff;
            return backoff;
        }
    }
}
