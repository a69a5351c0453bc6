package io.agrisense.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TopicsTest {

    private final StationId st = StationId.of("orchard-7");

    @Test
    void buildsTheContractTopics() {
        assertThat(Topics.telemetry(st)).isEqualTo("agri/v1/orchard-7/telemetry");
        assertThat(Topics.status(st)).isEqualTo("agri/v1/orchard-7/status");
        assertThat(Topics.command(st, "c42")).isEqualTo("agri/v1/orchard-7/commands/c42");
        assertThat(Topics.reply(st, "c42")).isEqualTo("agri/v1/orchard-7/replies/c42");
        assertThat(Topics.alerts(st)).isEqualTo("agri/v1/orchard-7/alerts");
        assertThat(Topics.commands(st)).isEqualTo("agri/v1/orchard-7/commands/+");
        assertThat(Topics.shared("platform", Topics.ALL_TELEMETRY)).isEqualTo("$share/platform/agri/v1/+/telemetry");
    }

    @Test
    void parsesWhatItBuilds() {
        assertThat(Topics.parse(Topics.telemetry(st))).contains(new Topics.Topic(Topics.Kind.TELEMETRY, st, null));
        assertThat(Topics.parse(Topics.status(st))).contains(new Topics.Topic(Topics.Kind.STATUS, st, null));
        assertThat(Topics.parse(Topics.alerts(st))).contains(new Topics.Topic(Topics.Kind.ALERTS, st, null));
        assertThat(Topics.parse(Topics.command(st, "c1"))).contains(new Topics.Topic(Topics.Kind.COMMAND, st, "c1"));
        assertThat(Topics.parse(Topics.reply(st, "c1"))).contains(new Topics.Topic(Topics.Kind.REPLY, st, "c1"));
    }

    @Test
    void ignoresTopicsOutsideTheContract() {
        for (String topic : List.of("agri/v2/st/telemetry", "agri/v1/st/telemetry/extra", "agri/v1/s t/telemetry",
                "agri/v1/st/other", "agri/v1/st/commands/", "agri/v1/st/commands/a/b", "other/v1/st/telemetry", "")) {
            assertThat(Topics.parse(topic)).as(topic).isEmpty();
        }
    }

    @Test
    void rejectsUnsafeCommandIds() {
        assertThatThrownBy(() -> Topics.command(st, "a/b")).hasMessageContaining("command id 'a/b'");
        assertThatThrownBy(() -> Topics.reply(st, "#")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void coapTelemetryPath() {
        assertThat(CoapPaths.telemetry(st)).isEqualTo("/telemetry/orchard-7");
        assertThat(CoapPaths.parseTelemetry(List.of("telemetry", "orchard-7"))).contains(st);
        assertThat(CoapPaths.parseTelemetry(List.of("telemetry"))).isEmpty();
        assertThat(CoapPaths.parseTelemetry(List.of("telemetry", "bad id"))).isEmpty();
    }
}
