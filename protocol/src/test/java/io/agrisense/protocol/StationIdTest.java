package io.agrisense.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StationIdTest {

    @Test
    void baseNameRoundTrips() {
        StationId id = StationId.of("pond_3-B");
        assertThat(id.baseName()).isEqualTo("urn:dev:agri:pond_3-B:");
        StationId.StationMetric split = StationId.splitResolvedName(id.baseName() + "dissolved_oxygen");
        assertThat(split.station()).isEqualTo(id);
        assertThat(split.metric()).isEqualTo("dissolved_oxygen");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a b", "st/1", "st+1", "äbc",
        "a1234567890123456789012345678901234567890123456789012345678901234"})
    void rejectsIdsOutsideTheAlphabetOrLength(String bad) {
        assertThatThrownBy(() -> StationId.of(bad)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1-64 characters");
    }

    @Test
    void acceptsSixtyFourCharacters() {
        assertThat(StationId.isValid("a".repeat(64))).isTrue();
        assertThat(StationId.isValid("a".repeat(65))).isFalse();
    }

    @Test
    void explainsWhatIsWrongWithAResolvedName() {
        assertThatThrownBy(() -> StationId.splitResolvedName("urn:dev:ow:10e2:temp"))
                .hasMessageContaining("does not start with urn:dev:agri:");
        assertThatThrownBy(() -> StationId.splitResolvedName("urn:dev:agri:st-1"))
                .hasMessageContaining("has no ':' after the station id");
        assertThatThrownBy(() -> StationId.splitResolvedName("urn:dev:agri:st.1:temp"))
                .hasMessageContaining("invalid station id 'st.1'");
        assertThatThrownBy(() -> StationId.splitResolvedName("urn:dev:agri:st-1:"))
                .hasMessageContaining("no measurement name");
    }
}
