package io.agrisense.platform.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecuritySettingsTest {

    @Test
    void closedUnlessTheFileSaysOpen() {
        assertThat(ConfigLoader.fromYaml("", "t", Map.of()).security().mode()).isEqualTo(PlatformConfig.Security.Mode.CLOSED);
        assertThat(ConfigLoader.fromYaml("security: {mode: open}", "t", Map.of()).security().open()).isTrue();
    }

    @Test
    void secretsComeFromTheEnvironmentAndNeverShowInToString() {
        PlatformConfig.Security s = ConfigLoader.fromYaml("security: {secretKeyFile: /etc/agrisense/secret.key}", "t",
                Map.of(ConfigLoader.AGRI_SECRET_KEY, "a2V5", ConfigLoader.AGRI_ADMIN_USER, "ops",
                        ConfigLoader.AGRI_ADMIN_PASSWORD, "hunter2-long")).security();
        assertThat(s.secretKeyFile()).isEqualTo(Path.of("/etc/agrisense/secret.key"));
        assertThat(s.secretKey()).isEqualTo("a2V5");
        assertThat(s.adminUser()).isEqualTo("ops");
        assertThat(s.adminPassword()).isEqualTo("hunter2-long");
        assertThat(s.toString()).doesNotContain("a2V5", "hunter2-long");
    }

    @Test
    void aModeOtherThanClosedOrOpenIsAnErrorNamingTheSetting() {
        assertThatThrownBy(() -> ConfigLoader.fromYaml("security: {mode: permissive}", "platform.yaml", Map.of()))
                .isInstanceOf(StartupException.class).hasMessageContaining("security.mode")
                .hasMessageContaining("must be closed or open, got 'permissive'");
        assertThatThrownBy(() -> ConfigLoader.fromYaml("security: {secretKey: abc}", "platform.yaml", Map.of()))
                .isInstanceOf(StartupException.class).hasMessageContaining("security.secretKey");
    }
}
