package io.agrisense.edge.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.agrisense.edge.testing.StationTraffic;
import io.agrisense.embedded.testkit.TestServices;
import io.agrisense.protocol.StationId;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Store-and-forward test (b): a real child JVM runs the agent, is killed with SIGKILL while it samples and
 * publishes, and a new agent process starts on the same data dir. Every reading the first process had stored
 * (printed after its queue append) arrives, in production order.
 */
class AgentKilledIT {

    @TempDir
    Path dir;

    private static final class Child {
        final Process process;
        final List<Long> stored = new CopyOnWriteArrayList<>();
        final Thread reader;

        Child(Path dataDir, String broker, String id, long start) throws Exception {
            Path java = Path.of(System.getProperty("java.home"), "bin", "java");
            process = new ProcessBuilder(java.toString(), "-Xmx64m", "-cp", System.getProperty("java.class.path"),
                    KillableStation.class.getName(), dataDir.toString(), broker, id, Long.toString(start))
                    .redirectErrorStream(true).start();
            reader = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = in.readLine()) != null) {
                        if (line.startsWith("STORED ")) {
                            stored.add(Long.parseLong(line.substring(7).trim()));
                        } else {
                            System.out.println("child " + start + "| " + line);
                        }
                    }
                } catch (Exception e) {
                    // the process was killed
                }
            });
            reader.start();
        }
    }

    @Test
    void losesNothingWhenTheAgentProcessIsKilledMidStream() throws Exception {
        String broker = TestServices.mqttServerUri();
        String id = TestServices.uniqueStationId("kill9");
        Path dataDir = dir.resolve("data");
        try (StationTraffic subscriber = new StationTraffic(broker, StationId.of(id), false)) {
            Child first = new Child(dataDir, broker, id, 1);
            await().atMost(Duration.ofSeconds(60)).until(() -> first.stored.size() >= 400
                    && subscriber.values("water_temperature").size() >= 100);
            first.process.destroyForcibly();
            assertThat(first.process.waitFor(10, TimeUnit.SECONDS)).isTrue();
            assertThat(first.process.exitValue()).as("killed by SIGKILL").isEqualTo(137);
            first.reader.join(5_000);
            List<Long> storedBeforeKill = new ArrayList<>(first.stored);
            long lastStored = storedBeforeKill.get(storedBeforeKill.size() - 1);

            Child second = new Child(dataDir, broker, id, 1_000_000);
            try {
                await().atMost(Duration.ofSeconds(60)).until(() -> {
                    Set<Long> got = receivedValues(subscriber);
                    return got.containsAll(storedBeforeKill) && !second.stored.isEmpty()
                            && got.contains(second.stored.get(0));
                });
            } finally {
                second.process.destroy();
                second.process.waitFor(15, TimeUnit.SECONDS);
            }

            List<Long> firstRun = subscriber.values("water_temperature").stream().map(Double::longValue)
                    .filter(v -> v < 1_000_000).toList();
            List<Long> firstArrivals = new ArrayList<>(new LinkedHashSet<>(firstRun));
            assertThat(firstArrivals).as("every stored reading arrived").containsAll(storedBeforeKill);
            assertThat(firstArrivals).as("in production order").isSorted();
            assertThat(firstArrivals.get(0)).isEqualTo(1L);
            assertThat(firstArrivals).as("only readings that were produced").allMatch(v -> v <= lastStored + 1);
            List<Long> expectedPrefix = new ArrayList<>();
            for (long v = 1; v <= lastStored; v++) {
                expectedPrefix.add(v);
            }
            assertThat(firstArrivals.subList(0, (int) lastStored)).isEqualTo(expectedPrefix);
            System.out.printf("Kill test: %d readings stored before SIGKILL, all %d received after restart "
                    + "(%d re-sent twice: published before the kill, PUBACK not yet recorded)%n",
                    storedBeforeKill.size(), lastStored, firstRun.size() - firstArrivals.size());
        }
    }

    private static Set<Long> receivedValues(StationTraffic subscriber) {
        Set<Long> out = new LinkedHashSet<>();
        subscriber.values("water_temperature").forEach(v -> out.add(v.longValue()));
        return out;
    }
}
