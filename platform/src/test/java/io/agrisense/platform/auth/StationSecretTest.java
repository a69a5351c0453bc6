package io.agrisense.platform.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.agrisense.protocol.StationId;
import org.junit.jupiter.api.Test;

class StationSecretTest {

    @Test
    void aSecretNamesItsStationAndCarries43RandomCharacters() {
        StationSecret s = StationSecret.generate(StationId.of("crayfish-pond-01"));
        assertThat(s.value()).startsWith("crayfish-pond-01.").hasSize("crayfish-pond-01.".length() + 43);
        assertThat(StationSecret.claimedStation(s.value())).contains("crayfish-pond-01");
        assertThat(StationSecret.generate(StationId.of("crayfish-pond-01")).value()).isNotEqualTo(s.value());
    }

    @Test
    void aStringOfAnotherShapeClaimsNoStation() {
        assertThat(StationSecret.claimedStation(null)).isEmpty();
        assertThat(StationSecret.claimedStation("agt_abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG")).isEmpty();
        assertThat(StationSecret.claimedStation(".abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG")).isEmpty();
        assertThat(StationSecret.claimedStation("pond.short")).isEmpty();
        assertThat(StationSecret.claimedStation("po nd.abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG")).isEmpty();
        assertThat(StationSecret.claimedStation("pond.abcdefghijklmnopqrstuvwxyz0123456789ABCDE+G")).isEmpty();
    }

    @Test
    void neverPrintsTheSecretItself() {
        StationSecret s = StationSecret.generate(StationId.of("river-1"));
        assertThat(s.toString()).contains("river-1").doesNotContain(s.value().substring(8));
    }
}
