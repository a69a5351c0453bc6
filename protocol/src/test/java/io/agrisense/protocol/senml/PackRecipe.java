package io.agrisense.protocol.senml;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads a fuzzer's bytes as a recipe for a pack the encoders accept: which fields each record has, text from a
 * small alphabet (with multi-byte and astral characters), numbers from raw IEEE 754 bits (finite ones only, as
 * SenML carries no others). So every input is also a generated pack for the round-trip property.
 */
final class PackRecipe {

    private static final String[] TEXT = {"a", "Z", "0", ":", "/", "-", "_", ".", "%RH", "Cel", " ", "\"", "\\",
        "é", "水", "😀", "urn:dev:agri:st-1:", "\u0000", "\n"};

    private final byte[] in;
    private int pos;

    private PackRecipe(byte[] in) {
        this.in = in;
    }

    static List<SenmlRecord> read(byte[] input) {
        PackRecipe r = new PackRecipe(input);
        int records = 1 + r.next() % 6;
        List<SenmlRecord> pack = new ArrayList<>(records);
        for (int i = 0; i < records; i++) {
            int mask = r.next() << 8 | r.next();
            pack.add(new SenmlRecord(
                    r.text(mask, 0), r.number(mask, 1), r.text(mask, 2), r.number(mask, 3), r.number(mask, 4),
                    (mask & 1 << 5) != 0 ? 1 + r.next() % 10 : null,
                    r.text(mask, 6), r.text(mask, 7), r.number(mask, 8), r.text(mask, 9),
                    (mask & 1 << 10) != 0 ? r.next() % 2 == 0 : null,
                    (mask & 1 << 11) != 0 ? r.bytes() : null,
                    r.number(mask, 12), r.number(mask, 13), r.number(mask, 14)));
        }
        return pack;
    }

    private int next() {
        return pos < in.length ? in[pos++] & 0xff : 0;
    }

    private String text(int mask, int bit) {
        if ((mask & 1 << bit) == 0) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        for (int n = next() % 8; n > 0; n--) {
            sb.append(TEXT[next() % TEXT.length]);
        }
        return sb.toString();
    }

    private Double number(int mask, int bit) {
        if ((mask & 1 << bit) == 0) {
            return null;
        }
        long bits = 0;
        for (int i = 0; i < 8; i++) {
            bits = bits << 8 | next();
        }
        double d = Double.longBitsToDouble(bits);
        return Double.isFinite(d) ? d : (double) (bits % 100_000);
    }

    private byte[] bytes() {
        byte[] out = new byte[next() % 6];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) next();
        }
        return out;
    }
}
