package io.agrisense.bench.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PackProbeTest {

    @Test
    void readsTheFirstRecordsNameAndTimeOfAPackTheProductEncoded() {
        PackSchedule schedule = new PackSchedule("bench-x", 2, 12, 1_700_000_000_000L);
        for (long seq = 0; seq < 30; seq++) {
            PackSchedule.Row first = schedule.rows(1, seq).get(0);
            PackProbe.First probed = PackProbe.first(schedule.pack(1, seq));
            assertThat(probed).isEqualTo(new PackProbe.First(first.metric(), first.epochMillis()));
        }
    }

    @Test
    void aWholeSecondBaseTimeWithoutOffsetIsTheTime() {
        byte[] pack = "[{\"bn\":\"urn:dev:agri:s1:\",\"bt\":1700000001,\"n\":\"co2\",\"u\":\"ppm\",\"v\":400},{\"n\":\"ph\",\"t\":0.5,\"v\":7}]"
                .getBytes(StandardCharsets.UTF_8);
        assertThat(PackProbe.first(pack)).isEqualTo(new PackProbe.First("co2", 1_700_000_001_000L));
    }

    @Test
    void aPackWithoutBaseTimeInItsFirstRecordIsNotOneOfOurs() {
        byte[] pack = "[{\"n\":\"co2\",\"v\":400},{\"bt\":1700000001,\"n\":\"ph\",\"v\":7}]".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> PackProbe.first(pack)).isInstanceOf(IllegalArgumentException.class);
    }
}
