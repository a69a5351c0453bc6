package io.agrisense.link.config;

import io.agrisense.config.ConfigException;
import io.agrisense.config.ConfigNode;
import java.nio.file.Path;
import java.time.Duration;

/** The {@code buffer:} section of a station or gateway YAML: where the disk queue lives, its size and fsync policy. */
public final class BufferSection {

    private BufferSection() {
    }

    /**
     * {@code defaultDir}: the queue folder when {@code dir} is absent (null: the agent's data dir, decided at start);
     * {@code baseDir} resolves a relative {@code dir} (null for the classpath).
     */
    public static BufferConfig read(ConfigNode b, Path baseDir, Path defaultDir, long defaultMaxBytes, long minBytes)
            throws ConfigException {
        b.onlyKeys("dir", "max_bytes", "fsync", "fsync_interval");
        String dir = b.text("dir", null);
        Path path = dir == null ? defaultDir : (baseDir == null || Path.of(dir).isAbsolute() ? Path.of(dir) : baseDir.resolve(dir));
        return new BufferConfig(path, b.bytes("max_bytes", defaultMaxBytes, minBytes, Long.MAX_VALUE / 2),
                b.choice("fsync", BufferConfig.FsyncPolicy.class, BufferConfig.FsyncPolicy.BATCH),
                b.duration("fsync_interval", Duration.ofSeconds(1), Duration.ofMillis(10)));
    }
}
