package io.agrisense.gateway.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.agrisense.gateway.config.GatewayConfig;
import io.agrisense.gateway.config.GatewayConfigLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gateway/dist/install.sh} against the packaged jar: syntax, a dry run, and a real install into a temporary root. */
class GatewayInstallerIT {

    private static final Path INSTALLER = Path.of("dist/install.sh").toAbsolutePath();
    private static final Path JAR = Path.of("target/agri-gateway.jar").toAbsolutePath();
    private static final Map<String, String> ANSWERS = Map.of("AGRI_GATEWAY_ID", "north-gw", "AGRI_BROKER_URL",
            "ssl://broker.farm:8883", "AGRI_BROKER_USERNAME", "north-gw", "AGRI_BROKER_PASSWORD", "s3cret-north");

    private record Run(int exit, String output) {
    }

    private static Run run(Map<String, String> env, String... command) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        p.getOutputStream().close(); // no terminal: the answers come from the environment
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), output);
    }

    @Test
    void theScriptParses() throws Exception {
        Run r = run(Map.of(), "bash", "-n", INSTALLER.toString());
        assertThat(r.exit()).as(r.output()).isZero();
    }

    @Test
    void aDryRunShowsWhatItWouldDoAndKeepsThePasswordOutOfSight() throws Exception {
        Run r = run(ANSWERS, "bash", INSTALLER.toString(), "--dry-run", JAR.toString());
        assertThat(r.exit()).as(r.output()).isZero();
        assertThat(r.output()).contains(
                "would run: install -m 0644 " + JAR + " /opt/agrisense/agri-gateway.jar",
                "would write /etc/agrisense/gateway.yaml:",
                "gateway_id: north-gw",
                "url: 'ssl://broker.farm:8883'",
                "credentials_file: gateway-credentials",
                "local_api:",
                "port: 9102",
                "would write /etc/agrisense/gateway-credentials (mode 0640): username=north-gw, password=(hidden)",
                "would run: install -m 0644 " + INSTALLER.getParent().resolve("agrisense-gateway.service")
                        + " /etc/systemd/system/agrisense-gateway.service",
                "would run: systemctl enable --now agrisense-gateway.service");
        assertThat(r.output()).doesNotContain("s3cret-north");
    }

    @Test
    void installsIntoARootWithAConfigTheGatewayAcceptsAndCredentialsBesideIt(@TempDir Path root) throws Exception {
        Run r = run(ANSWERS, "bash", INSTALLER.toString(), "--root", root.toString(), JAR.toString());
        assertThat(r.exit()).as(r.output()).isZero();
        assertThat(r.output()).as("the jar's own check ran on the written config").contains("gateway north-gw");

        assertThat(root.resolve("opt/agrisense/agri-gateway.jar")).hasSameBinaryContentAs(JAR);
        Path credentials = root.resolve("etc/agrisense/gateway-credentials");
        assertThat(Files.readAllLines(credentials)).containsExactly("username=north-gw", "password=s3cret-north");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(credentials))).isEqualTo("rw-r-----");
        assertThat(Files.readString(root.resolve("etc/systemd/system/agrisense-gateway.service")))
                .contains("Type=notify", "WatchdogSec=60");

        GatewayConfig c = GatewayConfigLoader.load(root.resolve("etc/agrisense/gateway.yaml"), Map.of());
        assertThat(c.gatewayId().value()).isEqualTo("north-gw");
        assertThat(c.mqtt().url()).isEqualTo("ssl://broker.farm:8883");
        assertThat(List.of(c.mqtt().username(), c.mqtt().password())).containsExactly("north-gw", "s3cret-north");
        assertThat(c.localApi().host()).isEqualTo("127.0.0.1");
        assertThat(c.localApi().port()).isEqualTo(9102);
    }

    @Test
    void aBadAnswerIsRefusedBeforeAnythingIsWritten(@TempDir Path root) throws Exception {
        Run r = run(Map.of("AGRI_GATEWAY_ID", "north gw!", "AGRI_BROKER_URL", "tcp://b:1883", "AGRI_BROKER_USERNAME", ""),
                "bash", INSTALLER.toString(), "--root", root.toString(), JAR.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.output()).contains("gateway id 'north gw!': 1-64 of A-Z a-z 0-9 _ -");
        try (var files = Files.list(root)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void thePackagedJarExplainsItsRunCommand() throws Exception {
        Run r = run(Map.of(), Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString(),
                "run", "--help");
        assertThat(r.exit()).as(r.output()).isZero();
        assertThat(r.output()).startsWith("Usage: agri-gateway run").contains("--config=<config>", "--broker=<broker>");
    }
}
