package io.agrisense.platform.alert;

import static io.agrisense.platform.alert.AlertScenario.T0;
import static io.agrisense.platform.alert.AlertScenario.minutes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

class AcknowledgeTest {

    private final AlertScenario s = AlertScenario.withRules("""
            rules:
              - {id: pond-do, kind: threshold, metric: dissolved_oxygen, severity: critical, direction: below, raise: 3.0, clear: 3.5}
            """);

    @Test
    void anAcknowledgedAlertStaysActiveUntilItsConditionClears() {
        String id = s.reading("pond-3", "crayfish_pond", "dissolved_oxygen", 2.5).get(0).alert().id();
        s.clock.advance(minutes(3));

        AlertTransition ack = s.engine.acknowledge(id, "operator-li").orElseThrow();

        assertThat(ack.state()).isEqualTo(AlertState.ACKNOWLEDGED);
        assertThat(ack.alert().acknowledgedBy()).isEqualTo("operator-li");
        assertThat(ack.alert().acknowledgedAt()).isEqualTo(T0.plus(minutes(3)));
        assertThat(ack.reason()).isEqualTo("acknowledged by operator-li");
        assertThat(s.engine.activeAlert(id)).hasValueSatisfying(a -> assertThat(a.state()).isEqualTo(AlertState.ACKNOWLEDGED));
        assertThat(s.engine.acknowledge(id, "operator-wang")).as("a second acknowledgement changes nothing").isEmpty();

        s.clock.advance(minutes(1));
        assertThat(s.reading("pond-3", "crayfish_pond", "dissolved_oxygen", 2.0)).isEmpty();
        assertThat(s.engine.activeAlert(id)).hasValueSatisfying(a -> assertThat(a.worstValue()).isEqualTo(2.0));

        s.clock.advance(minutes(10));
        AlertTransition resolved = s.reading("pond-3", "crayfish_pond", "dissolved_oxygen", 4.1).get(0);
        assertThat(resolved.state()).isEqualTo(AlertState.RESOLVED);
        assertThat(resolved.alert().id()).isEqualTo(id);
        assertThat(resolved.alert().acknowledgedBy()).isEqualTo("operator-li");
        assertThat(resolved.alert().resolvedAt()).isEqualTo(T0.plus(minutes(14)));
        assertThat(s.engine.activeAlerts()).isEmpty();
    }

    @Test
    void acknowledgingAnUnknownOrResolvedAlertIsAnError() {
        assertThatThrownBy(() -> s.engine.acknowledge("nope", "op"))
                .isInstanceOf(NoSuchElementException.class).hasMessage("no active alert with id 'nope'");

        String id = s.reading("pond-3", null, "dissolved_oxygen", 2.5).get(0).alert().id();
        s.clock.advance(minutes(1));
        s.reading("pond-3", null, "dissolved_oxygen", 3.6);
        assertThatThrownBy(() -> s.engine.acknowledge(id, "op")).isInstanceOf(NoSuchElementException.class);
    }
}
