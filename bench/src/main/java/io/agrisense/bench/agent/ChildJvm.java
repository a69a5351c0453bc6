package io.agrisense.bench.agent;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A child JVM with a fixed heap, its GC log and its console output (stdout and stderr together) in files of the
 * run's folder. Closing it sends SIGTERM (the agent's clean shutdown) and, if it has not exited after 20 s, SIGKILL.
 */
final class ChildJvm implements AutoCloseable {

    private final Process process;
    private final long startNanos;
    private final Path gcLog;
    private final Path console;
    private final List<String> command;

    private ChildJvm(Process process, long startNanos, Path gcLog, Path console, List<String> command) {
        this.process = process;
        this.startNanos = startNanos;
        this.gcLog = gcLog;
        this.console = console;
        this.command = command;
    }

    /**
     * Starts {@code java -Xmx<xmx> <jvmOptions...> -Xlog:gc... <launch...>} where {@code launch} is {@code -jar x.jar args} or
     * {@code -cp path Main args}; files are named after {@code name} in {@code folder}.
     */
    static ChildJvm start(Path folder, String name, String xmx, List<String> jvmOptions, List<String> launch)
            throws IOException {
        Path gcLog = folder.resolve(name + "-gc.log");
        Path console = folder.resolve(name + "-console.log");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx" + xmx);
        command.addAll(jvmOptions);
        command.add("-Xlog:gc:file=" + gcLog + ":uptime");
        command.addAll(launch);
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(console.toFile()).start();
        return new ChildJvm(process, start, gcLog, console, List.copyOf(command));
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    List<String> command() {
        return command;
    }

    /** Seconds since the child was started at {@code nanoTime}: close to the child's own JVM uptime. */
    double uptimeAt(long nanoTime) {
        return (nanoTime - startNanos) / 1e9;
    }

    Path gcLogFile() {
        return gcLog;
    }

    String consoleText() throws IOException {
        return Files.exists(console) ? Files.readString(console, StandardCharsets.UTF_8) : "";
    }

    /** Waits for the child to end by itself; its exit code, or -1 if it still runs after the timeout. */
    int waitFor(long seconds) throws InterruptedException {
        return process.waitFor(seconds, TimeUnit.SECONDS) ? process.exitValue() : -1;
    }

    @Override
    public void close() throws InterruptedException {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** The edge agent's fat jar next to the bench's build (as {@code mvn package} leaves it), if it is there. */
    static Path agentJar() {
        List<Path> candidates = new ArrayList<>(List.of(Path.of("edge-agent/target/agri-edge-agent.jar")));
        try {
            Path self = Path.of(ChildJvm.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path root = self.getParent() == null ? null : self.getParent().getParent();
            if (root != null && root.getParent() != null) {
                candidates.add(root.getParent().resolve("edge-agent/target/agri-edge-agent.jar"));
            }
        } catch (Exception | Error e) {
            // no code source: only the working directory is searched
        }
        return candidates.stream().filter(Files::isRegularFile).map(Path::toAbsolutePath).findFirst().orElse(null);
    }
}
