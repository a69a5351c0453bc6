package io.agrisense.edge.sensor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Finds PMS5003 frames in a byte stream that may start mid-frame or carry noise. After a bad length or check code it
 * resumes the search one byte after the rejected start character, so a stray 0x42 in the noise cannot swallow the
 * real frame that follows it.
 */
public final class Pms5003FrameReader {

    private byte[] buffer = new byte[2 * Pms5003Frame.LENGTH];
    private int size;
    private long skippedBytes;
    private long checksumErrors;

    /** Adds received bytes; returns the complete valid frames they finish, oldest first. */
    public List<Pms5003Frame> feed(byte[] data, int offset, int length) {
        if (size + length > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + length));
        }
        System.arraycopy(data, offset, buffer, size, length);
        size += length;
        List<Pms5003Frame> frames = new ArrayList<>();
        int start = 0;
        while (true) {
            int header = findHeader(start);
            skippedBytes += header - start;
            start = header;
            if (size - start < Pms5003Frame.LENGTH) {
                break;
            }
            if (Pms5003Frame.word(buffer, start + 2) != Pms5003Frame.FRAME_LENGTH_FIELD) {
                skippedBytes++;
                start++;
                continue;
            }
            Pms5003Frame frame = Pms5003Frame.decode(buffer, start);
            if (frame == null) {
                checksumErrors++;
                skippedBytes++;
                start++;
                continue;
            }
            frames.add(frame);
            start += Pms5003Frame.LENGTH;
        }
        System.arraycopy(buffer, start, buffer, 0, size - start);
        size -= start;
        if (buffer.length > 4 * Pms5003Frame.LENGTH && size < Pms5003Frame.LENGTH) {
            buffer = Arrays.copyOf(buffer, 2 * Pms5003Frame.LENGTH);
        }
        return frames;
    }

    /** Index of the next "0x42 0x4D" (or of a trailing 0x42 that may be completed by the next bytes). */
    private int findHeader(int from) {
        for (int i = from; i < size; i++) {
            if ((buffer[i] & 0xFF) == Pms5003Frame.START_1
                    && (i + 1 == size || (buffer[i + 1] & 0xFF) == Pms5003Frame.START_2)) {
                return i;
            }
        }
        return size;
    }

    /** Drops buffered bytes, as after flushing the serial input. */
    public void reset() {
        size = 0;
    }

    public long skippedBytes() {
        return skippedBytes;
    }

    public long checksumErrors() {
        return checksumErrors;
    }
}
