package io.agrisense.link.systemd;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * systemd's notify protocol (sd_notify(3)) for {@code Type=notify} units with {@code WatchdogSec=}: {@code READY=1}
 * once the agent or gateway runs, {@code WATCHDOG=1} every half watchdog interval from the program's own scheduler
 * thread (a hung scheduler stops the pings and systemd restarts the service), {@code STOPPING=1} on the way out.
 * Outside systemd ({@code NOTIFY_SOCKET} unset) it does nothing.
 *
 * <p>The datagram goes to a Unix-domain socket, which Java 17 cannot send on (its {@code DatagramChannel} has no
 * Unix-domain family); the kept library SDNotify does it through JNA ({@link SdNotifySender}).
 */
public final class SystemdNotifier {

    private static final Logger LOG = LoggerFactory.getLogger(SystemdNotifier.class);

    /** Where the messages go: one datagram each. */
    @FunctionalInterface
    public interface Sender {
        void send(String message);
    }

    private final Sender sender;
    private final Optional<Duration> watchdogInterval;
    private ScheduledFuture<?> pings;

    SystemdNotifier(Sender sender, Optional<Duration> watchdogInterval) {
        this.sender = sender;
        this.watchdogInterval = watchdogInterval;
    }

    /** The notifier for this process: active under systemd, silent elsewhere. */
    public static SystemdNotifier fromEnvironment() {
        Map<String, String> env = System.getenv();
        String socket = env.get("NOTIFY_SOCKET");
        if (socket == null || socket.isBlank()) {
            return new SystemdNotifier(null, Optional.empty());
        }
        return new SystemdNotifier(new SdNotifySender(), watchdogInterval(env, ProcessHandle.current().pid()));
    }

    /**
     * How often to ping: half of {@code WATCHDOG_USEC} (sd_watchdog_enabled(3)), when the watchdog is meant for this
     * process ({@code WATCHDOG_PID} unset or ours).
     */
    static Optional<Duration> watchdogInterval(Map<String, String> env, long pid) {
        String usec = env.get("WATCHDOG_USEC");
        String forPid = env.get("WATCHDOG_PID");
        if (usec == null || (forPid != null && !forPid.trim().equals(Long.toString(pid)))) {
            return Optional.empty();
        }
        try {
            long micros = Long.parseLong(usec.trim());
            return micros > 0 ? Optional.of(Duration.ofNanos(micros * 1000 / 2)) : Optional.empty();
        } catch (NumberFormatException e) {
            LOG.warn("WATCHDOG_USEC '{}' is not a number; no watchdog pings", usec);
            return Optional.empty();
        }
    }

    public boolean active() {
        return sender != null;
    }

    public Optional<Duration> watchdogInterval() {
        return watchdogInterval;
    }

    /** Tells systemd the service is up, with a status line for {@code systemctl status}; starts the watchdog pings. */
    public synchronized void ready(String status, ScheduledExecutorService scheduler) {
        if (sender == null) {
            return;
        }
        sender.send("READY=1\nSTATUS=" + status.replace('\n', ' '));
        watchdogInterval.ifPresent(every -> {
            long ms = Math.max(1, every.toMillis());
            pings = scheduler.scheduleAtFixedRate(() -> sender.send("WATCHDOG=1"), ms, ms, TimeUnit.MILLISECONDS);
            LOG.info("systemd watchdog: pinging every {} ms", ms);
        });
    }

    /** A new status line for {@code systemctl status}. */
    public void status(String status) {
        if (sender != null) {
            sender.send("STATUS=" + status.replace('\n', ' '));
        }
    }

    /** Tells systemd the service is stopping, and stops the pings. */
    public synchronized void stopping() {
        if (sender == null) {
            return;
        }
        if (pings != null) {
            pings.cancel(false);
        }
        sender.send("STOPPING=1");
    }
}
