package io.agrisense.bench.agent;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The child JVM's {@code -Xlog:gc:file=...:uptime} log: which collector it chose and every pause with the heap
 * before and after it, e.g. {@code [12.345s] GC(7) Pause Young (Normal) (G1 Evacuation Pause) 22M->3M(64M) 2.457ms}.
 */
record GcLog(String collector, List<Pause> pauses) {

    /** One stop-the-world pause at {@code uptimeSeconds}; heap sizes in KiB as the log states them. */
    record Pause(double uptimeSeconds, String kind, long beforeKb, long afterKb, long committedKb, double millis) {
    }

    /** Totals over the pauses of one window of the run. */
    record Summary(int pauses, double totalMillis, double maxMillis, long maxAfterKb, long lastAfterKb, long maxCommittedKb) {
    }

    private static final Pattern USING = Pattern.compile("Using (\\S+)");
    private static final Pattern PAUSE = Pattern.compile(
            "^\\[([\\d.]+)s].*GC\\(\\d+\\) (Pause .*?) (\\d+)([KMG])->(\\d+)([KMG])\\((\\d+)([KMG])\\) ([\\d.]+)ms");

    static GcLog read(Path file) throws IOException {
        return parse(Files.exists(file) ? Files.readAllLines(file) : List.of());
    }

    static GcLog parse(List<String> lines) {
        String collector = "unknown";
        List<Pause> pauses = new ArrayList<>();
        for (String line : lines) {
            Matcher p = PAUSE.matcher(line);
            if (p.find()) {
                pauses.add(new Pause(Double.parseDouble(p.group(1)), p.group(2), kb(p.group(3), p.group(4)),
                        kb(p.group(5), p.group(6)), kb(p.group(7), p.group(8)), Double.parseDouble(p.group(9))));
                continue;
            }
            Matcher u = USING.matcher(line);
            if (u.find() && collector.equals("unknown")) {
                collector = u.group(1);
            }
        }
        return new GcLog(collector, List.copyOf(pauses));
    }

    /** The pauses with {@code from <= uptime < to} (seconds of the child's uptime). */
    Summary between(double fromSeconds, double toSeconds) {
        List<Pause> in = pauses.stream().filter(p -> p.uptimeSeconds() >= fromSeconds && p.uptimeSeconds() < toSeconds)
                .toList();
        return new Summary(in.size(), in.stream().mapToDouble(Pause::millis).sum(),
                in.stream().mapToDouble(Pause::millis).max().orElse(0),
                in.stream().mapToLong(Pause::afterKb).max().orElse(0),
                in.isEmpty() ? 0 : in.get(in.size() - 1).afterKb(),
                in.stream().mapToLong(Pause::committedKb).max().orElse(0));
    }

    private static long kb(String amount, String unit) {
        long n = Long.parseLong(amount);
        return switch (unit) {
            case "K" -> n;
            case "M" -> n * 1024;
            default -> n * 1024 * 1024;
        };
    }
}
