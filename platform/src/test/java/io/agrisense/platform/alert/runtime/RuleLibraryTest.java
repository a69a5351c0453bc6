package io.agrisense.platform.alert.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.agrisense.platform.alert.RuleBook;
import io.agrisense.platform.alert.RuleCodec;
import io.agrisense.platform.alert.RuleDefinition;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RuleLibraryTest {

    private static final Instant T1 = Instant.parse("2026-07-01T00:00:00Z");
    private static final Instant T2 = Instant.parse("2026-07-02T00:00:00Z");
    private static final RuleBook SHIPPED = RuleBook.fromYaml("""
            rules:
              - {id: offline, kind: station_offline, severity: warning, timeout: 10m}
              - {id: pond-do, kind: threshold, metric: dissolved_oxygen, severity: critical, direction: below, raise: 3.0, clear: 3.5}
            """, "shipped");

    private static RuleDefinition rule(String json) {
        return RuleCodec.readRuleJson(json);
    }

    private static List<String> inForce(RuleLibrary lib) {
        return lib.entries().stream().map(e -> e.definition().id() + " " + e.origin().name().toLowerCase()).toList();
    }

    @Test
    void apiRulesReplaceShippedOnesByIdAndAddTheirOwn() {
        RuleLibrary lib = new RuleLibrary(SHIPPED, List.of());
        assertThat(inForce(lib)).containsExactly("offline shipped", "pond-do shipped");

        RuleLibrary changed = lib.update(rule("""
                {"id":"pond-do","kind":"threshold","metric":"dissolved_oxygen","severity":"critical","direction":"below","raise":2.5,"clear":3.0}"""), T1).library();
        RuleLibrary added = changed.create(rule("""
                {"id":"ph-high","kind":"threshold","metric":"ph","severity":"warning","direction":"above","raise":9}"""), T2).library();

        assertThat(inForce(added)).containsExactly("offline shipped", "pond-do changed", "ph-high added");
        assertThat(added.book().definition("pond-do").orElseThrow().raise()).isEqualTo(2.5);
        assertThat(added.entry("ph-high").orElseThrow().createdAt()).isEqualTo(T2);
        assertThat(added.entry("pond-do").orElseThrow().createdAt()).isEqualTo(T1);
        assertThat(lib.book().definition("pond-do").orElseThrow().raise()).as("libraries are immutable").isEqualTo(3.0);
    }

    @Test
    void aDeletedShippedRuleStaysDeletedAndMayBeCreatedAgain() {
        RuleLibrary.Change deleted = new RuleLibrary(SHIPPED, List.of()).delete("offline", T1);

        assertThat(deleted.saved().deleted()).as("a deletion is stored so the shipped rule does not come back").isTrue();
        assertThat(inForce(deleted.library())).containsExactly("pond-do shipped");
        RuleLibrary reloaded = new RuleLibrary(SHIPPED, deleted.library().overlays());
        assertThat(inForce(reloaded)).containsExactly("pond-do shipped");

        RuleLibrary.Change again = reloaded.create(rule("""
                {"id":"offline","kind":"station_offline","severity":"critical","timeout":"5m"}"""), T2);
        assertThat(inForce(again.library())).containsExactly("offline changed", "pond-do shipped");
        assertThat(again.saved().createdAt()).isEqualTo(T1);
        assertThat(again.saved().updatedAt()).isEqualTo(T2);
    }

    @Test
    void deletingAnAddedRuleLeavesNoRow() {
        RuleLibrary lib = new RuleLibrary(SHIPPED, List.of()).create(rule("""
                {"id":"ph-high","kind":"threshold","metric":"ph","severity":"warning","direction":"above","raise":9}"""), T1).library();

        RuleLibrary.Change deleted = lib.delete("ph-high", T2);

        assertThat(deleted.removedId()).isEqualTo("ph-high");
        assertThat(deleted.saved()).isNull();
        assertThat(deleted.library().overlays()).isEmpty();
    }

    @Test
    void refusesDuplicatesAndUnknownRules() {
        RuleLibrary lib = new RuleLibrary(SHIPPED, List.of());

        RuleLibrary.RefusedChange duplicate = catchThrowableOfType(RuleLibrary.RefusedChange.class, () -> lib.create(rule("""
                {"id":"pond-do","kind":"threshold","metric":"dissolved_oxygen","severity":"critical","direction":"below","raise":2}"""), T1));
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate).hasMessageStartingWith("rule 'pond-do' already exists");
        assertThat(catchThrowableOfType(RuleLibrary.RefusedChange.class, () -> lib.delete("nope", T1)).status()).isEqualTo(404);
        assertThat(catchThrowableOfType(RuleLibrary.RefusedChange.class, () -> lib.update(rule("""
                {"id":"nope","kind":"station_offline","severity":"info"}"""), T1)).status()).isEqualTo(404);
    }
}
