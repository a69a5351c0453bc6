package io.agrisense.edge.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.agrisense.embedded.testkit.ShippedJar;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The shipped {@code agri-edge-agent.jar} (failsafe runs after package) carries only what a station runs: native code
 * for Linux on the Pi (32-bit arm, aarch64) and x86_64 (simulation on a PC), no unused SSH library, and it still
 * starts.
 */
class AgentJarIT {

    private static final ShippedJar JAR = ShippedJar.inTarget("agri-edge-agent.jar");

    @Test
    void carriesNativeCodeOnlyForLinuxOnThePiAndX8664() {
        assertThat(JAR.nativeFiles()).containsExactlyInAnyOrder(
                "com/sun/jna/linux-arm/libjnidispatch.so", "com/sun/jna/linux-armel/libjnidispatch.so",
                "com/sun/jna/linux-aarch64/libjnidispatch.so", "com/sun/jna/linux-x86-64/libjnidispatch.so",
                "lib/aarch64/pi4j-gpiod/libgpiod.so", "lib/aarch64/pi4j-gpiod/libpi4j-gpiod.so",
                "lib/aarch64/pi4j-linuxfs/libpi4j-linuxfs.so",
                "lib/armhf/pi4j-gpiod/libgpiod.so", "lib/armhf/pi4j-gpiod/libpi4j-gpiod.so",
                "lib/armhf/pi4j-linuxfs/libpi4j-linuxfs.so");
    }

    @Test
    void carriesNoSshLibrary() {
        assertThat(JAR.entries()).noneMatch(e -> e.startsWith("com/jcraft/"));
    }

    @Test
    void listsItsBundledStationsFromTheJarAlone() throws Exception {
        Process p = JAR.command("list-configs").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out.lines()).containsExactly("greenhouse", "orchard", "tea_garden", "crayfish_pond", "livestock_barn",
                "air_quality", "river_water_quality");
    }
}
