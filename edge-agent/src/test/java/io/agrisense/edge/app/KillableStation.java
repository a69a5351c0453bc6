package io.agrisense.edge.app;

import io.agrisense.edge.testing.Stations;
import io.agrisense.edge.testing.TestDevices;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * The agent as a child process for {@link AgentKilledIT}: a counter sensor every 10 ms; each reading is printed as
 * {@code STORED <value>} once it is in the store-and-forward queue, which is what "produced" means for the test.
 * Arguments: data dir, broker URL, station id, first counter value.
 */
public final class KillableStation {

    private KillableStation() {
    }

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(args[0]);
        EdgeAgent agent = EdgeAgent.start(Stations.counter(args[2], args[1], "10ms", ""),
                AgentOptions.defaults().withDataDir(dataDir).withDevices(new TestDevices(Long.parseLong(args[3])))
                        .withObserver((source, readings) -> {
                            if (source.equals("level")) {
                                StringBuilder out = new StringBuilder();
                                readings.forEach(r -> out.append("STORED ").append((long) r.value()).append('\n'));
                                System.out.print(out);
                                System.out.flush();
                            }
                        }));
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            agent.close();
            stop.countDown();
        }));
        System.out.println("READY");
        System.out.flush();
        stop.await();
    }
}
