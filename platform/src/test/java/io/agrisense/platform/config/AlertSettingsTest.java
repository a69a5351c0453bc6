package io.agrisense.platform.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AlertSettingsTest {

    private static PlatformConfig.Alerts alerts(String yaml) {
        return ConfigLoader.fromYaml(yaml, "platform.yaml", Map.of()).alerts();
    }

    @Test
    void withoutASectionTheEngineRunsWithItsDefaults() {
        PlatformConfig.Alerts a = alerts("");

        assertThat(a.enabled()).isTrue();
        assertThat(a.tickInterval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(a.snapshotInterval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(a.commandReplyTimeout()).isEqualTo(Duration.ofMinutes(2));
        assertThat(a.derivedSeries()).isTrue();
        assertThat(a.dailyModels()).isTrue();
        assertThat(a.webhooks()).isEmpty();
        assertThat(a.webhookRetry()).isEqualTo(new PlatformConfig.WebhookRetry(Duration.ofSeconds(1), Duration.ofMinutes(5), 20));
    }

    @Test
    void readsWebhooksWithSeverityFiltersAndTheirRetry() {
        PlatformConfig.Alerts a = alerts("""
                alerts:
                  tickInterval: 2s
                  derivedSeries: false
                  webhooks:
                    - {url: "https://ops.example/hooks/agri", severities: [critical, warning], timeout: 3s}
                    - url: http://10.0.0.5:9000/alerts
                  webhookRetry: {initialBackoff: 500ms, maxBackoff: 1m, maxAttempts: 8}
                """);

        assertThat(a.tickInterval()).isEqualTo(Duration.ofSeconds(2));
        assertThat(a.derivedSeries()).isFalse();
        assertThat(a.webhooks()).containsExactly(
                new PlatformConfig.Webhook("https://ops.example/hooks/agri", Set.of("critical", "warning"), Duration.ofSeconds(3)),
                new PlatformConfig.Webhook("http://10.0.0.5:9000/alerts", Set.of(), Duration.ofSeconds(10)));
        assertThat(a.webhookRetry()).isEqualTo(new PlatformConfig.WebhookRetry(Duration.ofMillis(500), Duration.ofMinutes(1), 8));
    }

    @Test
    void badSettingsNameTheKey() {
        assertThatThrownBy(() -> alerts("alerts: {webhooks: [{url: ftp://x/y}]}"))
                .hasMessage("platform.yaml: setting alerts.webhooks[0].url must be an http:// or https:// URL, got 'ftp://x/y'");
        assertThatThrownBy(() -> alerts("alerts: {webhooks: [{url: http://x/y, severities: [urgent]}]}"))
                .hasMessage("platform.yaml: setting alerts.webhooks[0].severities must list info, warning or critical, got 'urgent'");
        assertThatThrownBy(() -> alerts("alerts: {webhooks: [{url: http://x/y, secret: s}]}"))
                .hasMessageStartingWith("platform.yaml: unknown setting alerts.webhooks[0].secret");
        assertThatThrownBy(() -> alerts("alerts: {tickInterval: 0s}"))
                .hasMessage("platform.yaml: setting alerts.tickInterval must be longer than zero");
        assertThatThrownBy(() -> alerts("alerts: {webhooks: {url: http://x}}"))
                .hasMessage("platform.yaml: setting alerts.webhooks must be a list");
        assertThatThrownBy(() -> alerts("alerts: {tick: 1s}"))
                .hasMessageStartingWith("platform.yaml: unknown setting alerts.tick");
        assertThat(List.of(alerts("alerts: {enabled: false}").enabled())).containsExactly(false);
    }
}
