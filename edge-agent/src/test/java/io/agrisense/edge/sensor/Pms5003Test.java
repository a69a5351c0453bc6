package io.agrisense.edge.sensor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class Pms5003Test {

    /**
     * A frame laid out by hand from the manual's appendix I: 42 4D, length 0x001C, data 1..13 =
     * 5 8 9 (CF=1) 5 8 9 (atmospheric) 1017 285 45 5 1 1 (particle counts) 0x9700 (version 0x97, no error);
     * check code = 0x42 + 0x4D + 0x1C + 5+8+9+5+8+9 + 0x03+0xF9 + 0x01+0x1D + 45+5+1+1 + 0x97 = 700 = 0x02BC.
     */
    static final byte[] FRAME = HexFormat.of().parseHex(
            "424d001c00050008000900050008000903f9011d002d000500010001970002bc");

    @Test
    void decodesTheHandMadeFrame() {
        Pms5003Frame frame = Pms5003Frame.decode(FRAME, 0);

        assertThat(frame).isNotNull();
        assertThat(frame.pm1Atmospheric()).isEqualTo(5);
        assertThat(frame.pm25Atmospheric()).isEqualTo(8);
        assertThat(frame.pm10Atmospheric()).isEqualTo(9);
        assertThat(Pms5003Frame.checksum(FRAME, 0)).isEqualTo(0x02BC);
        assertThat(frame.encode()).isEqualTo(FRAME);
    }

    @Test
    void rejectsABadCheckCode() {
        byte[] bad = FRAME.clone();
        bad[31] ^= 0x01;

        assertThat(Pms5003Frame.decode(bad, 0)).isNull();
    }

    @Test
    void resynchronisesAfterGarbageAndAStrayStartCharacter() {
        Pms5003FrameReader reader = new Pms5003FrameReader();
        byte[] stream = concat(new byte[] {0x13, 0x42, 0x00, 0x42, 0x4D, 0x00}, FRAME);

        List<Pms5003Frame> frames = reader.feed(stream, 0, stream.length);

        assertThat(frames).hasSize(1);
        assertThat(frames.get(0).pm25Atmospheric()).isEqualTo(8);
        assertThat(reader.skippedBytes()).isEqualTo(6);
    }

    @Test
    void assemblesAFrameSplitAcrossReads() {
        Pms5003FrameReader reader = new Pms5003FrameReader();
        List<Pms5003Frame> frames = new ArrayList<>();
        byte[] tail = FRAME.clone(); // start mid-frame, as after opening the port during a transmission
        byte[] stream = concat(java.util.Arrays.copyOfRange(tail, 11, 32), FRAME, FRAME);

        for (int i = 0; i < stream.length; i += 5) {
            frames.addAll(reader.feed(stream, i, Math.min(5, stream.length - i)));
        }

        assertThat(frames).hasSize(2);
        assertThat(reader.skippedBytes()).isEqualTo(21);
    }

    @Test
    void aCorruptFrameIsCountedAndTheNextOneIsFound() {
        Pms5003FrameReader reader = new Pms5003FrameReader();
        byte[] corrupt = FRAME.clone();
        corrupt[10] = 0x7F;
        byte[] stream = concat(corrupt, FRAME);

        List<Pms5003Frame> frames = reader.feed(stream, 0, stream.length);

        assertThat(frames).hasSize(1);
        assertThat(frames.get(0).pm10Atmospheric()).isEqualTo(9);
        assertThat(reader.checksumErrors()).isEqualTo(1);
    }

    static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] p : parts) {
            length += p.length;
        }
        byte[] out = new byte[length];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }
}
