package io.agrisense.bench.agent;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProcessFootprintTest {

    @Test
    void readsResidentAndPeakMemoryFromProcStatus() {
        String status = "Name:\tjava\nVmPeak:\t 3000000 kB\nVmHWM:\t  122400 kB\nVmRSS:\t  117248 kB\nThreads:\t31\n";

        assertThat(ProcessFootprint.statusKb(status, "VmRSS")).isEqualTo(117_248);
        assertThat(ProcessFootprint.statusKb(status, "VmHWM")).isEqualTo(122_400);
    }

    @Test
    void addsUserAndSystemTicksEvenWhenTheCommandNameHasSpaces() {
        String stat = "4242 (java (agent) x) S 1 4242 4242 0 -1 4194560 9000 0 3 0 1234 567 0 0 20 0 31 0 100 0 0";

        assertThat(ProcessFootprint.cpuTicks(stat)).isEqualTo(1234 + 567);
    }
}
