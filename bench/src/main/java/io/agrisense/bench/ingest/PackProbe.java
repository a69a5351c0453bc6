package io.agrisense.bench.ingest;

import java.nio.charset.StandardCharsets;

/**
 * Reads, without decoding the whole pack, the name and time of a SenML JSON pack's first record as
 * {@link io.agrisense.protocol.senml.SenmlPackBuilder} writes it ({@code {"bn":..,"bt":<s>,"n":..,"u":..,"t":<s>,"v":..}}),
 * so the raw broker subscriber can tell which pack arrived at the cost of a few byte comparisons.
 */
final class PackProbe {

    /** The first record's metric and absolute time in milliseconds. */
    record First(String metric, long epochMillis) {
    }

    private static final byte[] BASE_TIME = "\"bt\":".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NAME = "\"n\":\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] TIME = "\"t\":".getBytes(StandardCharsets.US_ASCII);

    private PackProbe() {
    }

    /** @throws IllegalArgumentException when the first record has no base time or no name */
    static First first(byte[] payload) {
        int end = indexOf(payload, (byte) '}', 0, payload.length);
        if (end < 0) {
            throw new IllegalArgumentException("no record in the pack");
        }
        int bt = indexOf(payload, BASE_TIME, end);
        int n = indexOf(payload, NAME, end);
        if (bt < 0 || n < 0) {
            throw new IllegalArgumentException("the first record has no base time or no name");
        }
        int nameStart = n + NAME.length;
        int nameEnd = indexOf(payload, (byte) '"', nameStart, end);
        String metric = new String(payload, nameStart, nameEnd - nameStart, StandardCharsets.US_ASCII);
        int t = indexOf(payload, TIME, end);
        double seconds = number(payload, bt + BASE_TIME.length) + (t < 0 ? 0 : number(payload, t + TIME.length));
        return new First(metric, Math.round(seconds * 1000));
    }

    private static double number(byte[] b, int from) {
        int to = from;
        while (to < b.length && (Character.isDigit(b[to]) || b[to] == '.' || b[to] == '-' || b[to] == 'E' || b[to] == 'e' || b[to] == '+')) {
            to++;
        }
        return Double.parseDouble(new String(b, from, to - from, StandardCharsets.US_ASCII));
    }

    private static int indexOf(byte[] b, byte value, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] == value) {
                return i;
            }
        }
        return -1;
    }

    private static int indexOf(byte[] b, byte[] needle, int to) {
        outer:
        for (int i = 0; i + needle.length <= to; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (b[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
