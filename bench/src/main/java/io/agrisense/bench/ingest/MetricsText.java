package io.agrisense.bench.ingest;

/** Reads figures out of the platform's {@code /metrics} text (Prometheus exposition format 0.0.4). */
final class MetricsText {

    private MetricsText() {
    }

    /** The sum of every sample named exactly {@code name} (all label sets); 0 when there is none. */
    static double sum(String text, String name) {
        double total = 0;
        for (String line : text.split("\n")) {
            if (line.startsWith("#") || !line.startsWith(name)) {
                continue;
            }
            int end = name.length();
            if (line.length() > end && (line.charAt(end) == '{' || line.charAt(end) == ' ')) {
                double v = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                total += Double.isNaN(v) ? 0 : v;
            }
        }
        return total;
    }

    /** The sample of {@code name} with exactly the label text {@code labels} (e.g. {@code {outcome="stored"}}); 0 when absent. */
    static double labelled(String text, String name, String labels) {
        String prefix = name + labels + " ";
        for (String line : text.split("\n")) {
            if (line.startsWith(prefix)) {
                return Double.parseDouble(line.substring(prefix.length()).trim());
            }
        }
        return 0;
    }

    /** {@code <name>_sum / <name>_count} of a histogram; NaN before the first observation. */
    static double mean(String text, String name) {
        double count = sum(text, name + "_count");
        return count == 0 ? Double.NaN : sum(text, name + "_sum") / count;
    }
}
