package io.agrisense.edge.app;

import io.agrisense.edge.config.StationConfig;
import io.agrisense.edge.health.AgentLocalApi;
import io.agrisense.edge.health.HealthReporter;
import io.agrisense.edge.rules.ActuatorControl;
import io.agrisense.edge.rules.RuleEngine;
import io.agrisense.edge.sampling.Reading;
import io.agrisense.edge.sampling.ReadingCodec;
import io.agrisense.edge.sampling.SamplingScheduler;
import io.agrisense.edge.sampling.TimestampGuard;
import io.agrisense.edge.sensor.Actuator;
import io.agrisense.edge.sensor.ActuatorSpec;
import io.agrisense.edge.uplink.SenmlPacker;
import io.agrisense.link.buffer.QueueStats;
import io.agrisense.link.buffer.StoreAndForwardQueue;
import io.agrisense.link.coap.CoapTransport;
import io.agrisense.link.config.BufferConfig;
import io.agrisense.link.localapi.LocalApi;
import io.agrisense.link.mqtt.MqttTransport;
import io.agrisense.link.systemd.SystemdNotifier;
import io.agrisense.link.uplink.StatusMessages;
import io.agrisense.link.uplink.Transport;
import io.agrisense.link.uplink.UplinkPump;
import io.agrisense.link.uplink.UplinkStats;
import io.agrisense.protocol.MetricCatalogue;
import io.agrisense.protocol.StationId;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running station: sensors sampled into the disk queue, the queue drained upstream, edge rules and
 * commands switching relays, health every minute. Embeddable (the platform's demo runs every bundled station
 * in one JVM); {@link #close()} returns relays to their safe state and forces the queue to disk.
 */
public final class EdgeAgent implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EdgeAgent.class);

    private final AgentParts parts;

    private EdgeAgent(AgentParts parts) {
        this.parts = parts;
    }

    public static EdgeAgent start(StationConfig yaml, AgentOptions options) throws Exception {
        StationConfig config = StationSettings.withBrokerOverride(yaml, options, System.getenv(StationSettings.ENV_MQTT_URL));
        Path queueDir = StationSettings.queueDir(config, options, System.getenv(StationSettings.ENV_DATA_DIR));
        AgentParts p = new AgentParts(config.withBuffer(config.buffer().withDir(queueDir)), options);
        try {
            p.devices = options.devices() != null ? options.devices() : HardwareDevices.open(config, options);
            p.queue = StoreAndForwardQueue.open(queueDir, config.buffer().maxBytes(), config.buffer().fsync());
            p.guard = TimestampGuard.load(queueDir.resolve("clock-mark"));
            p.loop = new ScheduledThreadPoolExecutor(1, r -> daemon(r, "agri-" + p.config.stationId().value()));
            p.loop.setRemoveOnCancelPolicy(true);
            StationConfig c = p.config;
            List<Actuator> actuators = new ArrayList<>();
            for (ActuatorSpec spec : c.actuators()) {
                actuators.add(p.devices.actuator(spec));
            }
            p.actuators = new ActuatorControl(actuators, p.loop, System::nanoTime, p::storeEvent);
            p.rules = new RuleEngine(c.rules());
            p.sampling = new SamplingScheduler(p.loop, options.clock(), p.guard, p::storeSensorReadings);
            p.health = new HealthReporter(options.clock(), p.guard, p.queue::stats, p.sampling::sensorErrors,
                    () -> p.pump == null ? 0 : p.pump.stats().readingsRejected(), p.devices.cpuThermalZone());
            p.control = new AgentControl(p);
            int maxReadings = c.uplink().maxReadingsPerMessage();
            p.pump = new UplinkPump<>(p.queue, new SenmlPacker(c.stationId(), c.payloadFormat()), transport(p),
                    maxReadings, maxReadings, c.uplink().inflightWindow(), "agri-" + c.stationId().value() + "-uplink");
            p.pump.start();
            p.control.startSensors(c.sensors());
            if (c.localApi() != null) {
                p.localApi = AgentLocalApi.start(c.localApi(), p.queue::stats, c.buffer().maxBytes(), p.pump::stats,
                        p.sampling::status);
            }
            p.scheduleHealth(c.healthInterval());
            if (c.buffer().fsync() == BufferConfig.FsyncPolicy.INTERVAL) {
                long ms = c.buffer().fsyncInterval().toMillis();
                p.loop.scheduleAtFixedRate(p.queue::sync, ms, ms, TimeUnit.MILLISECONDS);
            }
            LOG.info("Station {} ({}, {}) started: {} sensors, {} actuators, {} rules, uplink {}, queue {}",
                    c.stationId(), c.profile(), c.name(), c.sensors().size(),
                    c.actuators().size(), c.rules().size(), c.uplink().url(), queueDir);
            return new EdgeAgent(p);
        } catch (Exception | Error e) {
            p.close();
            throw e;
        }
    }

    private static Transport transport(AgentParts p) throws Exception {
        StationConfig c = p.config;
        if (c.uplink().isMqtt()) {
            String online = StatusMessages.online(c.profile(), c.name(), AgentVersion.get(), "mqtt", c.location());
            MqttTransport mqtt = new MqttTransport(c.stationId(), c.uplink().mqtt(), online,
                    (id, payload) -> p.loop.execute(() -> p.mqtt.reply(id, p.commands().handle(id, payload))));
            p.mqtt = mqtt;
            return mqtt;
        }
        return new CoapTransport(c.stationId(), c.uplink().coap(), p.loop);
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    public StationId stationId() {
        return parts.config.stationId();
    }

    public StationConfig config() {
        return parts.config;
    }

    /** Tells systemd the station runs and pings its watchdog from the station's scheduler thread (see the unit file). */
    public void notifyReady(SystemdNotifier systemd) {
        StationConfig c = parts.config;
        systemd.ready("station " + c.stationId() + " (" + c.profile() + "): " + c.sensors().size() + " sensors, uplink "
                + c.uplink().url() + (parts.localApi == null ? "" : ", health on port " + parts.localApi.port()), parts.loop);
    }

    /** The port of the local /health and /metrics, or -1 when {@code local_api} is off. */
    public int localApiPort() {
        return parts.localApi == null ? -1 : parts.localApi.port();
    }

    public QueueStats queueStats() {
        return parts.queue.stats();
    }

    public UplinkStats uplinkStats() {
        return parts.pump.stats();
    }

    /** The simulated hardware when running with {@code simulate}: steer the environment, inject sensor faults. */
    public java.util.Optional<io.agrisense.edge.sim.SimulatedHardware> simulation() {
        return parts.devices instanceof HardwareDevices h ? h.simulation() : java.util.Optional.empty();
    }

    public long sensorErrors() {
        return parts.sampling.sensorErrors();
    }

    /** Readings of the agent's own health, stored and sent now (the timer does this every health interval). */
    public void reportHealthNow() throws Exception {
        parts.loop.submit(parts::storeHealth).get();
    }

    @Override
    public void close() {
        parts.close();
    }

    /** The station's parts, shared by the wiring above and {@link AgentControl}. */
    static final class AgentParts {
        volatile StationConfig config;
        final AgentOptions options;
        Devices devices;
        StoreAndForwardQueue queue;
        TimestampGuard guard;
        ScheduledThreadPoolExecutor loop;
        ActuatorControl actuators;
        volatile RuleEngine rules;
        SamplingScheduler sampling;
        HealthReporter health;
        AgentControl control;
        UplinkPump<List<Reading>> pump;
        MqttTransport mqtt;
        LocalApi localApi;
        private io.agrisense.edge.command.CommandProcessor commandProcessor;
        private ScheduledFuture<?> healthTimer;
        private boolean closed;

        AgentParts(StationConfig config, AgentOptions options) {
            this.config = config;
            this.options = options;
        }

        synchronized io.agrisense.edge.command.CommandProcessor commands() {
            if (commandProcessor == null) {
                commandProcessor = new io.agrisense.edge.command.CommandProcessor(control);
            }
            return commandProcessor;
        }

        void scheduleHealth(java.time.Duration interval) {
            if (healthTimer != null) {
                healthTimer.cancel(false);
            }
            long ms = interval.toMillis();
            healthTimer = loop.scheduleAtFixedRate(this::storeHealth, ms, ms, TimeUnit.MILLISECONDS);
        }

        /** The one path of every reading: queue (durable) → observer → uplink → edge rules. */
        void storeSensorReadings(String sensor, List<Reading> readings) {
            store(sensor, readings);
            long now = System.nanoTime();
            for (Reading r : readings) {
                for (RuleEngine.Firing f : rules.onReading(sensor, r.name(), r.value(), now)) {
                    actuators.switchOn(f.rule().actuator(), f.rule().onFor(), ActuatorControl.Origin.rule(f.rule().name()),
                            f.triggerValue());
                }
            }
        }

        void storeEvent(String json) {
            store(MetricCatalogue.EVENT, List.of(Reading.event(guard.stamp(MetricCatalogue.EVENT, options.clock().millis()), json)));
        }

        void storeHealth() {
            try {
                store("health", health.report());
                guard.save();
            } catch (Exception e) {
                LOG.warn("Health report failed: {}", e.toString());
            }
        }

        private void store(String source, List<Reading> readings) {
            queue.append(ReadingCodec.encode(readings), readings.size());
            if (options.observer() != null) {
                options.observer().stored(source, readings);
            }
            if (pump != null) {
                pump.poke();
            }
        }

        synchronized void close() {
            if (closed) {
                return;
            }
            closed = true;
            if (localApi != null) {
                localApi.close();
            }
            if (sampling != null) {
                quietly("sampling", sampling::close);
            }
            if (loop != null && actuators != null) {
                // Relays go to their safe state on the scheduler thread, after any timer that is running.
                quietly("actuators", () -> loop.submit(actuators::close).get(5, TimeUnit.SECONDS));
            }
            drainBriefly();
            if (pump != null) {
                quietly("uplink", pump::close);
            }
            if (loop != null) {
                loop.shutdownNow();
                quietly("scheduler", () -> loop.awaitTermination(5, TimeUnit.SECONDS));
            }
            if (guard != null) {
                quietly("clock mark", guard::save);
            }
            if (queue != null) {
                quietly("queue", queue::close);
            }
            if (devices != null) {
                quietly("devices", devices::close);
            }
            LOG.info("Station {} stopped", config.stationId());
        }

        /** Gives the uplink a moment to send what is queued, when the link is up; what is left stays on disk. */
        private void drainBriefly() {
            if (pump == null || queue == null) {
                return;
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
            while (pump.stats().linkUp() && queue.stats().records() > 0 && System.nanoTime() < deadline) {
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }

        private void quietly(String what, ThrowingRunnable r) {
            try {
                r.run();
            } catch (Exception e) {
                LOG.warn("Stopping {} of station {}: {}", what, config.stationId(), e.toString());
            }
        }
    }

    @FunctionalInterface
    interface ThrowingRunnable {
        void run() throws Exception;
    }
}
