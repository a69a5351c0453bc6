package io.agrisense.embedded.testkit;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Prometheus's own {@code promtool check metrics} on a text exposition, where promtool is installed
 * ({@code apt-get install prometheus}); tests skip that check, saying so, where it is not.
 */
public final class Promtool {

    private Promtool() {
    }

    /** Whether {@code promtool} is on the PATH. */
    public static boolean available() {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, "promtool"))) {
                return true;
            }
        }
        return false;
    }

    /** promtool's findings on {@code metricsText}: empty when it accepts it (exit 0). */
    public static String checkMetrics(String metricsText) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("promtool", "check", "metrics").redirectErrorStream(true).start();
        try (OutputStream in = p.getOutputStream()) {
            in.write(metricsText.getBytes(StandardCharsets.UTF_8));
        }
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return "promtool did not finish within 60 s";
        }
        return p.exitValue() == 0 ? "" : "exit " + p.exitValue() + ": " + output;
    }
}
