package io.agrisense.bench.agent;

import io.agrisense.link.mqtt.MqttConnection;
import io.agrisense.link.mqtt.MqttSettings;
import io.agrisense.protocol.StationId;
import io.agrisense.protocol.Topics;
import io.agrisense.protocol.senml.Senml;
import io.agrisense.protocol.senml.SenmlFormat;
import io.agrisense.protocol.senml.SenmlPackBuilder;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;

/**
 * The raw limit next to the agent: a child JVM with the agent's heap that publishes SenML packs of the agent's
 * size with plain Paho, QoS 1, as fast as PUBACKs come back through the same relay, with the agent's window (32,
 * capped by the broker's Receive Maximum less 2). Prints one {@code RAW ...} line the parent reads:
 * {@code java -cp agri-bench.jar io.agrisense.bench.agent.RawPublishMain <url> <station> <seconds> <readings/pack>}.
 */
public final class RawPublishMain {

    private static final int AGENT_WINDOW = 32;

    public static void main(String[] args) throws Exception {
        String url = args[0];
        StationId station = new StationId(args[1]);
        double seconds = Double.parseDouble(args[2]);
        int readingsPerPack = Integer.parseInt(args[3]);
        MqttConnection client = new MqttConnection(MqttSettings.builder(url, "bench-raw-" + UUID.randomUUID().toString()
                .substring(0, 8)).noReconnect().build(), new MqttConnection.Events() {
                    @Override
                    public void connected(MqttConnection c) {
                    }

                    @Override
                    public void disconnected(String reason) {
                        System.err.println("raw publisher lost the broker: " + reason);
                    }
                });
        client.connect(Duration.ofSeconds(10));
        int window = Math.max(1, Math.min(AGENT_WINDOW, client.serverReceiveMaximum() - 2));
        Semaphore slots = new Semaphore(window);
        AtomicLong acked = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        MqttActionListener done = new MqttActionListener() {
            @Override
            public void onSuccess(IMqttToken token) {
                acked.incrementAndGet();
                slots.release();
            }

            @Override
            public void onFailure(IMqttToken token, Throwable e) {
                failed.incrementAndGet();
                slots.release();
            }
        };
        String topic = Topics.telemetry(station);
        ProcessFootprint self = new ProcessFootprint(ProcessHandle.current().pid());
        long warmupEnd = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
        long start = 0;
        long end = 0;
        long ackedAtStart = 0;
        long ticksAtStart = 0;
        long bytes = 0;
        for (long n = 0; ; n++) {
            long now = System.nanoTime();
            if (start == 0 && now >= warmupEnd) {
                start = now;
                ackedAtStart = acked.get();
                ticksAtStart = self.cpuTicks();
            }
            if (start != 0 && now - start >= (long) (seconds * 1e9)) {
                end = now;
                break;
            }
            byte[] payload = pack(station, readingsPerPack, n);
            bytes = payload.length;
            slots.acquire();
            client.publish(topic, payload, 1, false, done);
        }
        long ackedInWindow = acked.get() - ackedAtStart;
        long ticks = self.cpuTicks() - ticksAtStart;
        slots.acquire(window);
        client.close();
        System.out.printf(Locale.ROOT, "RAW acked=%d seconds=%.3f failed=%d window=%d bytes=%d cpu_ticks=%d%n",
                ackedInWindow, (end - start) / 1e9, failed.get(), window, bytes, ticks);
        System.exit(0);
    }

    private static byte[] pack(StationId station, int readings, long n) {
        SenmlPackBuilder pack = SenmlPackBuilder.forStation(station);
        double t = System.currentTimeMillis() / 1000.0;
        for (int i = 0; i < readings; i++) {
            pack.add("air_temperature", "Cel", t + i / 1000.0, 20 + (n % 100) / 10.0);
        }
        return Senml.encode(pack.build(), SenmlFormat.JSON);
    }
}
