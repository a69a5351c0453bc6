package io.agrisense.link.systemd;

import static org.assertj.core.api.Assertions.assertThat;

import info.faljse.SDNotify.io.NativeDomainSocket;
import info.faljse.SDNotify.jna.CLibrary;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real datagrams: a child JVM started as systemd would start it ({@code NOTIFY_SOCKET}, {@code WATCHDOG_USEC})
 * notifies a Unix datagram socket this test listens on, like systemd's.
 */
class NotifySocketIT {

    /** The child: ready, a few watchdog pings, stopping. */
    public static final class Probe {
        public static void main(String[] args) throws Exception {
            ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
            SystemdNotifier n = SystemdNotifier.fromEnvironment();
            n.ready("probe running", scheduler);
            Thread.sleep(700);
            n.stopping();
            scheduler.shutdownNow();
        }
    }

    @TempDir
    Path dir;

    @Test
    void aServiceUnderSystemdSendsReadyWatchdogAndStoppingDatagrams() throws Exception {
        Path socketPath = dir.resolve("notify");
        NativeDomainSocket listener = new NativeDomainSocket();
        listener.bind(new CLibrary.SockAddr(socketPath.toString()));
        try {
            ProcessBuilder child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), Probe.class.getName()).redirectErrorStream(true);
            child.environment().put("NOTIFY_SOCKET", socketPath.toString());
            child.environment().put("WATCHDOG_USEC", "400000");
            child.environment().remove("WATCHDOG_PID");
            Process p = child.start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as(output).isZero();

            // The datagrams wait in the socket; a missing one would block recv, hence the timeout.
            List<String> received = CompletableFuture.supplyAsync(() -> {
                List<String> got = new ArrayList<>();
                byte[] buffer = new byte[512];
                while (got.isEmpty() || !got.get(got.size() - 1).equals("STOPPING=1")) {
                    int n = listener.recv(buffer, buffer.length);
                    got.add(new String(buffer, 0, n, StandardCharsets.UTF_8));
                }
                return got;
            }).get(20, TimeUnit.SECONDS);
            assertThat(received.get(0)).isEqualTo("READY=1\nSTATUS=probe running");
            assertThat(received.subList(1, received.size() - 1)).isNotEmpty().containsOnly("WATCHDOG=1");
        } finally {
            listener.close();
        }
    }
}
