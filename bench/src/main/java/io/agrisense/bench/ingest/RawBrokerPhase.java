package io.agrisense.bench.ingest;

import io.agrisense.link.mqtt.MqttConnection;
import io.agrisense.link.mqtt.MqttSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.paho.mqttv5.common.MqttMessage;

/**
 * Phase 1, the broker's limit: the same publishers and packs as the platform phase, always as fast as the windows
 * allow (a limit, whatever {@code --rate} the platform phase runs at), delivered at QoS 1 to one Paho
 * MQTT 5 subscriber that only notes which pack arrived (it reads the first record's time, no full decode). Topics are
 * {@code agri/vb/<station>/telemetry}, as long as the product's but outside {@code agri/v1}, so a platform sharing the
 * broker never ingests them.
 */
final class RawBrokerPhase {

    static final String TOPIC_ROOT = "agri/vb/";
    static final Duration STALL = Duration.ofSeconds(30);

    private RawBrokerPhase() {
    }

    static String topic(String station) {
        return TOPIC_ROOT + station + "/telemetry";
    }

    /** {@code receiveMaximum}: the subscriber's MQTT 5 Receive Maximum, the platform's own for a like-for-like limit. */
    static PhaseResult run(String serverUri, String runId, PackSchedule schedule, LoadSettings load, int receiveMaximum)
            throws Exception {
        DeliveryLedger ledger = new DeliveryLedger(load.stations(), load.readingsPerPack(), load.rawOutstandingPacks());
        Subscriber subscriber = new Subscriber(schedule, ledger);
        // Receive Maximum said explicitly: without it Mosquitto falls back to max_inflight_messages (20) and drops beyond its queue.
        MqttConnection client = new MqttConnection(MqttSettings.builder(serverUri, runId + "-raw-sub")
                .receiveMaximum(receiveMaximum).noReconnect().build(), subscriber);
        try {
            client.connect(Duration.ofSeconds(15));
            client.subscribe(1, TOPIC_ROOT + "+/telemetry").waitForCompletion(15_000);
            List<String> problems = new ArrayList<>();
            SteadyState.Rates rates;
            int window;
            try (LoadGenerator generator = new LoadGenerator(serverUri, runId + "-raw", load.publishers(), load.maxInFlight(),
                    schedule, ledger, s -> topic(schedule.stationId(s)), 0)) {
                window = generator.inFlightWindow();
                generator.start();
                rates = SteadyState.measure(ledger::arrivedPacks, ledger::arrivedReadings, load.warmup(), load.duration(),
                        ledger::measuring);
                generator.stop();
                if (generator.failure() != null) {
                    problems.add("publishing failed: " + generator.failure().getMessage());
                }
            }
            boolean all = ledger.awaitAll(STALL);
            List<String> notes = new ArrayList<>();
            notes.add("QoS 1 window per publisher: " + window + " PUBLISHes (after the broker's Receive Maximum)");
            List<String> gaps = ledger.missing(schedule);
            if (!all || !gaps.isEmpty()) {
                // A raw limit is a measuring stick, not the product: a broker that sheds load is reported, and the
                // rate counts arrivals only. (Mosquitto 2.0.11 does this at full speed, logging "Outgoing messages
                // are being dropped for client ...".) The platform phase is held to exact counts.
                long lost = ledger.publishedPacks() - ledger.arrivedPacks();
                notes.add(String.format(Locale.ROOT, "WARNING: the broker dropped %,d of %,d packs (%.3f %%) meant for the"
                                + " raw subscriber %s-raw-sub at full speed; the rate above counts only what arrived",
                        lost, ledger.publishedPacks(), 100.0 * lost / Math.max(1, ledger.publishedPacks()), runId));
            }
            if (ledger.duplicates() > 0) {
                problems.add(ledger.duplicates() + " packs arrived twice");
            }
            if (subscriber.foreign.get() > 0) {
                problems.add(subscriber.foreign.get() + " messages on " + TOPIC_ROOT + "+/telemetry were not packs of this run");
            }
            if (subscriber.lost != null) {
                problems.add("the subscriber lost its connection: " + subscriber.lost);
            }
            long published = ledger.publishedPacks() * load.readingsPerPack();
            return new PhaseResult("Raw broker", rates.messagesPerSecond(), rates.readingsPerSecond(),
                    ledger.lag().count() == 0 ? null : ledger.lag().summary(), published, ledger.arrivedReadings(),
                    problems, notes);
        } finally {
            client.close();
        }
    }

    static List<String> firstFew(List<String> lines) {
        if (lines.size() <= 5) {
            return lines;
        }
        List<String> few = new ArrayList<>(lines.subList(0, 5));
        few.add("... and " + (lines.size() - 5) + " more stations with gaps");
        return few;
    }

    /** Notes each pack's arrival; runs on Paho's single callback thread. */
    private static final class Subscriber implements MqttConnection.Events {
        private final PackSchedule schedule;
        private final DeliveryLedger ledger;
        final AtomicLong foreign = new AtomicLong();
        volatile String lost;

        Subscriber(PackSchedule schedule, DeliveryLedger ledger) {
            this.schedule = schedule;
            this.ledger = ledger;
        }

        @Override
        public void connected(MqttConnection connection) {
            // connected once, no reconnect
        }

        @Override
        public void message(String topic, MqttMessage message) {
            long now = System.nanoTime();
            int station = schedule.stationIndex(topic.substring(TOPIC_ROOT.length(), Math.max(TOPIC_ROOT.length(), topic.lastIndexOf('/'))));
            long reading = -1;
            if (station >= 0) {
                try {
                    PackProbe.First first = PackProbe.first(message.getPayload());
                    reading = schedule.readingNumber(first.metric(), first.epochMillis());
                } catch (RuntimeException e) {
                    reading = -1;
                }
            }
            if (reading < 0 || !schedule.firstOfPack(reading)) {
                foreign.incrementAndGet();
                return;
            }
            ledger.arrived(station, schedule.packOf(reading), now);
        }

        @Override
        public void disconnected(String reason) {
            lost = reason;
        }
    }
}
