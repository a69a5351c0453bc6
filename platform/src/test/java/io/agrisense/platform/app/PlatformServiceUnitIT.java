package io.agrisense.platform.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.agrisense.platform.config.ConfigLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The deployment kit's systemd unit: {@code systemd-analyze verify} (where the machine has it) accepts it without a
 * warning, and it runs {@code serve} with the example settings' data dir and the files the example names.
 */
class PlatformServiceUnitIT {

    private static final Path DEPLOY = Path.of("..", "deploy", "platform");
    private static final Path UNIT = DEPLOY.resolve("agrisense-platform.service");

    @Test
    void systemdAcceptsTheUnitWithoutAWarning() throws Exception {
        Path analyze = Path.of("/usr/bin/systemd-analyze");
        assumeTrue(Files.isExecutable(analyze), "systemd-analyze is not installed");
        Process p = new ProcessBuilder(analyze.toString(), "verify", "--man=no", UNIT.toAbsolutePath().toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(out).as("systemd-analyze verify output").isBlank();
        assertThat(p.exitValue()).isZero();
    }

    @Test
    void theUnitServesWithTheExampleSettingsAsAnUnprivilegedUser() throws Exception {
        String unit = Files.readString(UNIT);
        Path dataDir = ConfigLoader.load(DEPLOY.resolve("platform.yaml"), Map.of()).dataDir();

        assertThat(unit).contains("ExecStart=/usr/bin/java ", "-jar /opt/agrisense/agri-platform.jar serve",
                "--config /etc/agrisense/platform.yaml", "EnvironmentFile=-/etc/agrisense/platform.env");
        assertThat(unit).contains("Environment=AGRI_DATA_DIR=" + dataDir, "WorkingDirectory=" + dataDir,
                "StateDirectory=" + dataDir.getFileName());
        assertThat(unit).contains("User=agrisense", "NoNewPrivileges=true", "ProtectSystem=strict", "CapabilityBoundingSet=\n",
                "Restart=on-failure", "SuccessExitStatus=143");
    }
}
