package io.agrisense.bench.alert;

import io.agrisense.link.mqtt.MqttConnection;
import io.agrisense.protocol.StationId;
import io.agrisense.protocol.Topics;
import io.agrisense.protocol.senml.Senml;
import io.agrisense.protocol.senml.SenmlFormat;
import io.agrisense.protocol.senml.SenmlPackBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.common.MqttException;

/**
 * Keeps the ingest path busy: background stations publishing ordinary water-quality packs (nothing near an alert
 * level, and no profile, so no shipped rule applies) at the planned total rate, QoS 1, over a few shared
 * connections. One pacing thread sends whatever is due every millisecond; if the broker cannot take the rate the
 * pacer falls behind, and the achieved rate (from the broker's acknowledgements) is what the report shows.
 */
final class BackgroundLoad implements AutoCloseable {

    /** Ordinary pond values, well inside the catalogue's ranges (docs/architecture.md, "Metric catalogue"). */
    static final List<String> METRICS = List.of("water_temperature", "dissolved_oxygen", "ph", "turbidity",
            "conductivity", "water_level", "air_temperature", "relative_humidity");
    private static final String[] UNITS = {"Cel", "mg/L", "pH", "NTU", "S/m", "m", "Cel", "%RH"};
    private static final double[] NORMAL = {24.0, 7.5, 7.6, 12.0, 0.05, 1.2, 26.0, 70.0};
    /** Below the receive maximum of common brokers (Mosquitto's default is 20). */
    private static final int IN_FLIGHT_PER_CONNECTION = 16;

    private final LoadPlan plan;
    private final List<String> stations = new ArrayList<>();
    private final List<MqttConnection> clients = new ArrayList<>();
    private final List<Semaphore> inFlight = new ArrayList<>();
    private final long[] lastMillis;
    private final AtomicLong readingsPublished = new AtomicLong();
    private final AtomicLong readingsAcked = new AtomicLong();
    private final AtomicLong packsFailed = new AtomicLong();
    private final Thread pacer;
    private volatile boolean running = true;

    BackgroundLoad(String serverUri, LoadPlan plan, String stationPrefix, int connections) throws MqttException {
        this.plan = plan;
        for (int i = 0; i < plan.stations(); i++) {
            stations.add(stationPrefix + i);
        }
        this.lastMillis = new long[plan.stations()];
        for (int i = 0; i < Math.min(connections, plan.stations()); i++) {
            clients.add(MqttConnections.connect(serverUri, "agri-bench-load"));
            inFlight.add(new Semaphore(IN_FLIGHT_PER_CONNECTION));
        }
        this.pacer = new Thread(this::pace, "bench-background-load");
        this.pacer.setDaemon(true);
    }

    void start() {
        pacer.start();
    }

    List<String> stations() {
        return stations;
    }

    long readingsPublished() {
        return readingsPublished.get();
    }

    /** Readings in packs the broker acknowledged (PUBACK): what the platform must store. */
    long readingsAcked() {
        return readingsAcked.get();
    }

    long packsFailed() {
        return packsFailed.get();
    }

    private void pace() {
        long start = System.nanoTime();
        long sent = 0;
        try {
            while (running) {
                long due = plan.packsDue(System.nanoTime() - start);
                while (sent < due && running) {
                    publish(sent++);
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void publish(long pack) throws InterruptedException {
        int station = plan.stationOf(pack);
        int connection = station % clients.size();
        int n = plan.readingsPerPack();
        // (station, metric, time) is unique: metric i % 8 at base + i / 8 ms, and the next pack starts after that
        long base = Math.max(System.currentTimeMillis(), lastMillis[station] + 1);
        lastMillis[station] = base + (n - 1) / METRICS.size();
        SenmlPackBuilder builder = SenmlPackBuilder.forStation(StationId.of(stations.get(station)));
        for (int i = 0; i < n; i++) {
            int m = i % METRICS.size();
            double wobble = ((pack * 31 + i) % 21 - 10) / 1000.0; // +-1 %, so values vary like real ones
            builder.add(METRICS.get(m), UNITS[m], (base + i / METRICS.size()) / 1000.0, NORMAL[m] * (1 + wobble));
        }
        byte[] payload = Senml.encode(builder.build(), SenmlFormat.JSON);
        Semaphore permits = inFlight.get(connection);
        permits.acquire();
        try {
            clients.get(connection).publish(Topics.telemetry(StationId.of(stations.get(station))), payload, 1, false,
                    new MqttActionListener() {
                        @Override
                        public void onSuccess(IMqttToken token) {
                            readingsAcked.addAndGet(n);
                            permits.release();
                        }

                        @Override
                        public void onFailure(IMqttToken token, Throwable e) {
                            packsFailed.incrementAndGet();
                            permits.release();
                        }
                    });
            readingsPublished.addAndGet(n);
        } catch (MqttException | RuntimeException e) {
            packsFailed.incrementAndGet();
            permits.release();
        }
    }

    /** Stops sending and waits (up to 10 s) for the broker to acknowledge what is in flight. */
    void stop() throws InterruptedException {
        running = false;
        pacer.join(5000);
        for (Semaphore permits : inFlight) {
            if (permits.tryAcquire(IN_FLIGHT_PER_CONNECTION, 10, TimeUnit.SECONDS)) {
                permits.release(IN_FLIGHT_PER_CONNECTION);
            }
        }
    }

    @Override
    public void close() {
        running = false;
        clients.forEach(MqttConnections::close);
    }
}
