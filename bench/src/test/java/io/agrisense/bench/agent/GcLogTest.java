package io.agrisense.bench.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class GcLogTest {

    private static final List<String> LOG = List.of(
            "[0.003s] Using G1",
            "[0.056s] GC(0) Pause Young (Normal) (G1 Evacuation Pause) 6M->1M(64M) 5.265ms",
            "[12.084s] GC(1) Pause Young (Normal) (G1 Evacuation Pause) 22M->3M(64M) 2.457ms",
            "[13.100s] GC(2) Concurrent Mark Cycle 12.000ms",
            "[14.104s] GC(3) Pause Remark 38M->4096K(64M) 1.918ms",
            "[30.109s] GC(4) Pause Full (System.gc()) 1G->5M(64M) 10.5ms");

    @Test
    void readsTheCollectorAndEveryPauseWithHeapSizesInKib() {
        GcLog gc = GcLog.parse(LOG);

        assertThat(gc.collector()).isEqualTo("G1");
        assertThat(gc.pauses()).hasSize(4);
        assertThat(gc.pauses().get(2)).isEqualTo(new GcLog.Pause(14.104, "Pause Remark", 38 * 1024, 4096, 64 * 1024, 1.918));
        assertThat(gc.pauses().get(3).beforeKb()).isEqualTo(1024 * 1024);
    }

    @Test
    void summarisesThePausesOfAWindowOfUptime() {
        GcLog.Summary s = GcLog.parse(LOG).between(10, 30);

        assertThat(s.pauses()).isEqualTo(2);
        assertThat(s.totalMillis()).isCloseTo(2.457 + 1.918, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(s.maxMillis()).isEqualTo(2.457);
        assertThat(s.maxAfterKb()).isEqualTo(4096);
        assertThat(s.lastAfterKb()).isEqualTo(4096);
    }

    @Test
    void aWindowWithoutPausesIsAllZero() {
        assertThat(GcLog.parse(LOG).between(40, 50)).isEqualTo(new GcLog.Summary(0, 0, 0, 0, 0, 0));
    }
}
