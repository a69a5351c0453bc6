package io.agrisense.edge.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shipped {@code agri-edge-agent.jar} (failsafe runs after package) carries only what a station runs: native code
 * for Linux on the Pi (32-bit arm, aarch64) and x86_64 (simulation on a PC), no unused SSH library, and it still
 * starts.
 */
class AgentJarIT {

    private static final Path JAR = Path.of("target", "agri-edge-agent.jar");
    private static final Pattern NATIVE = Pattern.compile("(?i).+\\.(so|dll|dylib|jnilib|a)$");

    private static List<String> entries;

    @BeforeAll
    static void read() throws IOException {
        assertThat(JAR).as("built by mvn package before the integration tests").isRegularFile();
        try (ZipFile zip = new ZipFile(JAR.toFile())) {
            entries = Collections.list(zip.entries()).stream().map(ZipEntry::getName).toList();
        }
    }

    @Test
    void carriesNativeCodeOnlyForLinuxOnThePiAndX8664() {
        assertThat(entries.stream().filter(e -> NATIVE.matcher(e).matches())).containsExactlyInAnyOrder(
                "com/sun/jna/linux-arm/libjnidispatch.so", "com/sun/jna/linux-armel/libjnidispatch.so",
                "com/sun/jna/linux-aarch64/libjnidispatch.so", "com/sun/jna/linux-x86-64/libjnidispatch.so",
                "lib/aarch64/pi4j-gpiod/libgpiod.so", "lib/aarch64/pi4j-gpiod/libpi4j-gpiod.so",
                "lib/aarch64/pi4j-linuxfs/libpi4j-linuxfs.so",
                "lib/armhf/pi4j-gpiod/libgpiod.so", "lib/armhf/pi4j-gpiod/libpi4j-gpiod.so",
                "lib/armhf/pi4j-linuxfs/libpi4j-linuxfs.so");
    }

    @Test
    void carriesNoSshLibrary() {
        assertThat(entries).noneMatch(e -> e.startsWith("com/jcraft/"));
    }

    @Test
    void listsItsBundledStationsFromTheJarAlone() throws Exception {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toAbsolutePath().toString(), "list-configs").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out.lines()).containsExactly("greenhouse", "orchard", "tea_garden", "crayfish_pond", "livestock_barn",
                "air_quality", "river_water_quality");
    }
}
