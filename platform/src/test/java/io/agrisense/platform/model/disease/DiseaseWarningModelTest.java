package io.agrisense.platform.model.disease;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.agrisense.platform.model.TimedValue;
import io.agrisense.platform.model.warning.SignalLevel;
import io.agrisense.platform.model.warning.Warning;
import io.agrisense.protocol.StationId;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.Test;

class DiseaseWarningModelTest {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final StationId GROVE = StationId.of("orchard-02");
    private static final Instant NOW = Instant.parse("2024-04-20T17:00:00Z"); // 01:00 local
    private static final InfectionModel SCAB = InfectionModel.CITRUS_SCAB;

    private final DiseaseWarningModel model = new DiseaseWarningModel();

    /** Readings every 10 minutes over the last 12 h: index 0 is 12 h ago, 72 is now. */
    private static List<TimedValue> every10Minutes(java.util.function.IntToDoubleFunction byIndex) {
        List<TimedValue> out = new ArrayList<>();
        for (int i = 0; i <= 72; i++) {
            out.add(TimedValue.of(NOW.minus(Duration.ofMinutes(10L * (72 - i))), byIndex.applyAsDouble(i)));
        }
        return out;
    }

    private static DiseaseWarningModel.Leaf leaf(IntPredicate wet, double temperature) {
        return new DiseaseWarningModel.Leaf(GROVE, CHINA, SCAB, every10Minutes(i -> wet.test(i) ? 95 : 5),
                every10Minutes(i -> temperature), 50);
    }

    @Test
    void temperatureResponseOfMagareysModel() {
        // the curve of Wallach et al.'s example (Tmin 7, Topt 18, Tmax 30, Wmin 10, Wmax 42)
        InfectionModel example = new InfectionModel("example", "example", 7, 18, 30, 10, 42, Duration.ZERO, "ZeBook");
        assertThat(example.requiredWetness(18).orElseThrow()).isCloseTo(10, within(1e-12));
        double f12 = (30 - 12) / 12.0 * Math.pow(5 / 11.0, 11 / 12.0);
        assertThat(example.temperatureResponse(12)).isCloseTo(f12, within(1e-12));
        assertThat(example.requiredWetness(12).orElseThrow()).isCloseTo(10 / f12, within(1e-9)); // 13.7 h
        assertThat(example.requiredWetness(7.05).orElseThrow()).isEqualTo(42); // capped near Tmin
        assertThat(example.requiredWetness(7)).isEmpty();
        assertThat(example.requiredWetness(31)).isEmpty();
    }

    @Test
    void citrusScabRequirementMatchesWhitesideAndAgostini() {
        // Whiteside 1975: 2.5-3.5 h of wetting infect; Agostini et al. 2003: 4 h suffice at 23.5-27 C
        assertThat(SCAB.requiredWetness(25).orElseThrow()).isCloseTo(3.0, within(1e-12));
        assertThat(SCAB.requiredWetness(23.5).orElseThrow()).isBetween(3.0, 4.0);
        assertThat(SCAB.requiredWetness(27).orElseThrow()).isBetween(3.0, 4.0);
        // much less severe at 17, 20, 30 and 32 C: longer wetness needed, the more so the farther from the optimum
        assertThat(SCAB.requiredWetness(17).orElseThrow()).isGreaterThan(SCAB.requiredWetness(20).orElseThrow());
        assertThat(SCAB.requiredWetness(20).orElseThrow()).isGreaterThan(4.0);
        assertThat(SCAB.requiredWetness(32).orElseThrow()).isGreaterThan(SCAB.requiredWetness(30).orElseThrow());
        assertThat(SCAB.requiredWetness(30).orElseThrow()).isGreaterThan(4.0);
        assertThatThrownBy(() -> new InfectionModel("x", "x", 20, 15, 30, 3, 24, Duration.ZERO, "x"))
                .hasMessageContaining("Tmin < Topt < Tmax");
    }

    @Test
    void wetSpellsBridgeShortDryBreaks() {
        // wet 21:00-22:00, dry 20 min, wet 22:20-01:00; then a 2 h dry break splits
        List<WetSpell> spells = WetSpell.of(every10Minutes(i -> (i >= 54 && i < 60) || i >= 62 ? 95 : 5),
                every10Minutes(i -> 22), 50, Duration.ofMinutes(30), Duration.ofHours(1), NOW);
        assertThat(spells).hasSize(1);
        assertThat(spells.get(0).start()).isEqualTo(NOW.minus(Duration.ofHours(3)));
        assertThat(spells.get(0).hours()).isCloseTo(3, within(1e-9));
        assertThat(spells.get(0).meanTemperature()).isCloseTo(22, within(1e-9));

        assertThat(WetSpell.of(every10Minutes(i -> i < 24 || i >= 36 ? 95 : 5), every10Minutes(i -> 22), 50,
                Duration.ofMinutes(30), Duration.ofHours(1), NOW)).hasSize(2);
        assertThatThrownBy(() -> WetSpell.of(every10Minutes(i -> 120), List.of(), 50, Duration.ofMinutes(30), Duration.ZERO, NOW))
                .hasMessageContaining("outside 0..100");
    }

    @Test
    void halfTheRequirementWarnsAheadAndTheFullRequirementIsAnInfectionPeriod() {
        // wet for the last 2 h at 25 C: 3 h needed, infection about 02:00 if the leaves stay wet
        Warning ahead = model.assess(leaf(i -> i >= 60, 25), NOW).orElseThrow();
        assertThat(ahead.level()).isEqualTo(SignalLevel.BLUE);
        assertThat(ahead.expectedAt()).isEqualTo(NOW.plus(Duration.ofHours(1)));
        assertThat(ahead.confidence().value()).isCloseTo(2 / 3.0, within(1e-9));
        assertThat(ahead.message()).isEqualTo("citrus scab infection likely about 02:00 if the leaves stay wet:"
                + " wet 2.0 h at 25.0 °C (3.0 h needed); protect the young flush now");

        Warning met = model.assess(leaf(i -> i >= 51, 25), NOW).orElseThrow(); // 3.5 h
        assertThat(met.level()).isEqualTo(SignalLevel.YELLOW);
        assertThat(met.expectedAt()).isEqualTo(NOW.minus(Duration.ofMinutes(30)));
        assertThat(met.message()).isEqualTo("citrus scab infection period: leaves wet 3.5 h at 25.0 °C (3.0 h needed);"
                + " spray a curative fungicide on the young flush within 24 h");
    }

    @Test
    void aDriedSpellThatMetTheRequirementStaysADayAndColdOrShortSpellsRaiseNothing() {
        // wet 13:00-19:00 local, dry since: infection period, valid until 19:00 tomorrow
        Warning past = model.assess(leaf(i -> i >= 0 && i < 36, 22), NOW).orElseThrow();
        assertThat(past.level()).isEqualTo(SignalLevel.YELLOW);
        assertThat(past.validUntil()).isEqualTo(NOW.minus(Duration.ofHours(6)).plus(Duration.ofHours(24)));
        assertThat(past.message()).contains("wet 6.0 h at 22.0 °C (3.3 h needed) until 19:00");

        assertThat(model.assess(leaf(i -> i >= 0, 12), NOW)).isEmpty(); // 12 h wet at 12 C: below Tmin
        assertThat(model.assess(leaf(i -> i >= 66, 25), NOW)).isEmpty(); // 1 h of the 3 h needed
        assertThat(model.assess(leaf(i -> false, 25), NOW)).isEmpty();
    }
}
