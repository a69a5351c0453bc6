package io.agrisense.link.config;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The store-and-forward queue on disk. {@code dir} null means "under the agent's data dir";
 * {@code maxBytes} bounds the records held (the oldest are dropped beyond it).
 */
public record BufferConfig(Path dir, long maxBytes, FsyncPolicy fsync, Duration fsyncInterval) {

    public static final long DEFAULT_MAX_BYTES = 64L << 20;

    /** When appended records and the acknowledged position are forced to the storage device. */
    public enum FsyncPolicy {
        /** Every record and every acknowledgement: survives power loss, wears an SD card most. */
        ALWAYS,
        /** Once per group of records appended together, and once per group of acknowledgements. */
        BATCH,
        /** On a timer ({@code fsync_interval}); a kill -9 still loses nothing, a power cut at most one interval. */
        INTERVAL
    }

    public BufferConfig withDir(Path newDir) {
        return new BufferConfig(newDir, maxBytes, fsync, fsyncInterval);
    }
}
