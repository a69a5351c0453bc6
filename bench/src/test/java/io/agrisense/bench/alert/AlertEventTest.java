package io.agrisense.bench.alert;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AlertEventTest {

    private static final String FIRING = """
            {"id":"a1","rule":"bench-do-1","rule_name":"x","station":"probe-1","metric":"dissolved_oxygen","unit":"mg/L",
             "severity":"critical","state":"firing","value":2.0003,"latency_ms":12.5,"resolve_value":null,
             "event_id":"e1","event":"firing","event_at":"2026-01-01T00:00:00Z","reason":"r"}""";

    @Test
    void readsThePlatformsAlertNotification() {
        AlertEvent e = AlertEvent.parse(42, FIRING);

        assertThat(e.arrivedNanos()).isEqualTo(42);
        assertThat(e.id()).isEqualTo("a1");
        assertThat(e.value()).isEqualTo(2.0003);
        assertThat(e.resolveValue()).isNull();
        assertThat(e.latencyMs()).isEqualTo(12.5);
        assertThat(e.firing("probe-1", "bench-do-1")).isTrue();
        assertThat(e.resolved("probe-1", "bench-do-1")).isFalse();
    }

    @Test
    void matchesOnlyItsStationAndRule() {
        AlertEvent e = AlertEvent.parse(0, FIRING);

        assertThat(e.firing("probe-2", "bench-do-1")).isFalse();
        assertThat(e.firing("probe-1", "pond-do-critical")).isFalse();
    }

    @Test
    void aResolutionCarriesTheRecoveringValue() {
        AlertEvent e = AlertEvent.parse(0, """
                {"id":"a1","rule":"bench-do-1","station":"probe-1","state":"resolved","event":"resolved","value":2.0003,"resolve_value":5.0003}""");

        assertThat(e.resolved("probe-1", "bench-do-1")).isTrue();
        assertThat(e.resolveValue()).isEqualTo(5.0003);
        assertThat(e.latencyMs()).isNull();
    }
}
