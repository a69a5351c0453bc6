package io.agrisense.gateway.app;

import io.agrisense.gateway.coap.CoapListener;
import io.agrisense.gateway.config.GatewayConfig;
import io.agrisense.gateway.forward.ForwardMessages;
import io.agrisense.gateway.forward.ForwardRecord;
import io.agrisense.gateway.health.GatewayHealth;
import io.agrisense.gateway.health.GatewayLocalApi;
import io.agrisense.link.buffer.QueueStats;
import io.agrisense.link.buffer.StoreAndForwardQueue;
import io.agrisense.link.config.BufferConfig;
import io.agrisense.link.localapi.LocalApi;
import io.agrisense.link.mqtt.MqttTransport;
import io.agrisense.link.systemd.SystemdNotifier;
import io.agrisense.link.uplink.StatusMessages;
import io.agrisense.link.uplink.UplinkPump;
import io.agrisense.link.uplink.UplinkStats;
import io.agrisense.protocol.StationId;
import java.time.Clock;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running gateway, wired: CoAP listener → disk queue → uplink pump → broker, plus the health timer.
 * Embeddable (tests start it in-process); {@link #close()} stops taking posts, gives the pump a moment to drain,
 * announces the gateway offline and forces the queue to disk.
 */
public final class Gateway implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Gateway.class);

    private final GatewayConfig config;
    private StoreAndForwardQueue queue;
    private ScheduledThreadPoolExecutor timers;
    private UplinkPump<ForwardRecord> pump;
    private CoapListener coap;
    private GatewayHealth health;
    private LocalApi localApi;

    private Gateway(GatewayConfig config) {
        this.config = config;
    }

    public static Gateway start(GatewayConfig config, Clock clock) throws Exception {
        Gateway g = new Gateway(config);
        try {
            BufferConfig b = config.buffer();
            g.queue = StoreAndForwardQueue.open(b.dir(), b.maxBytes(), b.fsync());
            g.timers = new ScheduledThreadPoolExecutor(1, r -> {
                Thread t = new Thread(r, "agri-gw-timers");
                t.setDaemon(true);
                return t;
            });
            String online = StatusMessages.online("gateway", config.name(), GatewayVersion.get(), "mqtt");
            // the stations' MQTT uplink, with the gateway's own status topic and no command subscription
            MqttTransport link = new MqttTransport(config.gatewayId(), config.mqtt(), online, null);
            g.pump = new UplinkPump<>(g.queue, new ForwardMessages(), link, 1, Integer.MAX_VALUE, config.inflight(),
                    "agri-gw-forward");
            g.coap = new CoapListener(config.coap(), g::submit, clock);
            g.health = new GatewayHealth(config.gatewayId());
            g.pump.start();
            g.coap.start();
            if (config.localApi() != null) {
                g.localApi = GatewayLocalApi.start(config.localApi(), g.queue::stats, b.maxBytes(), g.pump::stats, g.coap);
            }
            long ms = config.healthInterval().toMillis();
            g.timers.scheduleAtFixedRate(() -> g.reportHealth(clock), ms, ms, TimeUnit.MILLISECONDS);
            if (b.fsync() == BufferConfig.FsyncPolicy.INTERVAL) {
                long sync = b.fsyncInterval().toMillis();
                g.timers.scheduleAtFixedRate(g.queue::sync, sync, sync, TimeUnit.MILLISECONDS);
            }
            LOG.info("Gateway {} started: CoAP udp {}{}, broker {}, queue {} (max {} bytes, fsync {})", config.gatewayId(),
                    g.coap.port(), g.coap.dtlsPort() < 0 ? "" : " dtls " + g.coap.dtlsPort(), config.mqtt().url(), b.dir(),
                    b.maxBytes(), b.fsync().name().toLowerCase());
            return g;
        } catch (Exception | Error e) {
            g.close();
            throw e;
        }
    }

    /** Appends a pack to the disk queue (durable per the fsync policy when this returns) and wakes the pump. */
    private void submit(StationId station, byte[] payload, int readings) {
        queue.append(new ForwardRecord(station, payload).encode(), readings);
        pump.poke();
    }

    /** Logs the counters and queues the gateway's health pack for the broker (the timer does this every interval). */
    void reportHealth(Clock clock) {
        try {
            QueueStats q = queue.stats();
            UplinkStats f = pump.stats();
            LOG.info("Health: queue {} packs / {} bytes, dropped {} packs ({} readings) when full; CoAP accepted {} refused {};"
                            + " published {} acknowledged {} refused by broker {}; link {}", q.records(), q.bytes(),
                    q.droppedRecords(), q.droppedReadings(), coap.packsAccepted(), coap.packsRefused(), f.messagesSent(),
                    f.recordsDelivered(), f.recordsRejected(), f.linkUp() ? "up" : "down");
            submit(config.gatewayId(), health.pack(clock.millis(), q, f.recordsRejected()), GatewayHealth.readings());
        } catch (RuntimeException e) {
            LOG.warn("Health report failed: {}", e.toString());
        }
    }

    public GatewayConfig config() {
        return config;
    }

    public int coapPort() {
        return coap.port();
    }

    public int coapsPort() {
        return coap.dtlsPort();
    }

    /** Tells systemd the gateway runs and pings its watchdog from the gateway's timer thread (see the unit file). */
    public void notifyReady(SystemdNotifier systemd) {
        systemd.ready("gateway " + config.gatewayId() + ": CoAP udp " + coap.port() + (coap.dtlsPort() < 0 ? "" : " dtls "
                + coap.dtlsPort()) + ", broker " + config.mqtt().url() + (localApi == null ? "" : ", health on port "
                + localApi.port()), timers);
    }

    /** The port of the local /health and /metrics, or -1 when {@code local_api} is off. */
    public int localApiPort() {
        return localApi == null ? -1 : localApi.port();
    }

    public QueueStats queueStats() {
        return queue.stats();
    }

    public UplinkStats forwardStats() {
        return pump.stats();
    }

    @Override
    public synchronized void close() {
        if (localApi != null) {
            localApi.close();
            localApi = null;
        }
        if (coap != null) {
            coap.close();
            coap = null;
        }
        if (pump != null && queue != null) {
            drainBriefly();
        }
        if (timers != null) {
            timers.shutdownNow();
        }
        if (pump != null) {
            pump.close();
            pump = null;
        }
        if (queue != null) {
            queue.close();
        }
        LOG.info("Gateway {} stopped", config.gatewayId());
    }

    /** Gives the pump a moment to forward what is queued when the link is up; what is left stays on disk. */
    private void drainBriefly() {
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
}
