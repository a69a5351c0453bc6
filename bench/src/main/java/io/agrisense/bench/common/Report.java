package io.agrisense.bench.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * A benchmark's Markdown report: a heading, the machine, the command that reproduces it, then the benchmark's own
 * lines. Printed to stdout and, with {@code --report <file>}, written to that file for docs/benchmarks.md.
 */
public final class Report {

    private final StringBuilder text = new StringBuilder();

    public Report(String title, String reproduceCommand) {
        text.append("## ").append(title).append("\n\n")
                .append("Measured ").append(Instant.now().truncatedTo(ChronoUnit.SECONDS)).append(". ")
                .append(MachineInfo.current().markdown()).append("\n\n")
                .append("```\n").append(reproduceCommand).append("\n```\n\n");
    }

    public Report line(String line) {
        text.append(line).append('\n');
        return this;
    }

    public Report blank() {
        text.append('\n');
        return this;
    }

    public String text() {
        return text.toString();
    }

    /** Prints the report and writes it to {@code file} when one is given. */
    public void publish(Path file) {
        System.out.println();
        System.out.print(text);
        if (file != null) {
            try {
                Path parent = file.toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                Files.writeString(file, text, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write report " + file, e);
            }
        }
    }
}
