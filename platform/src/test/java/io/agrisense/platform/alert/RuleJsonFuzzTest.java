package io.agrisense.platform.alert;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Coverage-guided fuzzing of the rules API's JSON ({@link RuleCodec#readRuleJson}, which runs
 * {@link RuleValidator}): whatever the body, it is either a valid rule that survives writing and reading back,
 * or an {@link InvalidRulesException} with at least one field error. Nothing else escapes (it would be a 500).
 */
class RuleJsonFuzzTest {

    private static final int RUNS = 10_000;
    private static final AtomicInteger FUZZED = new AtomicInteger();

    /** The shipped rules as the API would receive them, and the shapes issue 7 worries about. */
    static Stream<byte[]> seeds() throws IOException {
        RuleSet shipped;
        try (InputStream in = RuleJsonFuzzTest.class.getResourceAsStream("/alert-rules/defaults.yaml")) {
            shipped = RuleCodec.readRuleSet(in, "defaults.yaml");
        }
        Stream<String> rules = shipped.rules().stream().map(RuleCodec::writeJson);
        Stream<String> hostile = Stream.of(
                "{\"id\":\"x\",\"kind\":" + "[".repeat(2000) + "]".repeat(2000) + "}",
                "{}",
                "",
                "null",
                "{\"id\":\"x\",\"kind\":\"threshold\",\"metric\":\"ph\",\"severity\":\"warning\",\"direction\":\"below\","
                        + "\"raise\":1e308,\"clear\":-1e308,\"for\":\"9223372036854775807d\"}",
                "{\"id\":\"x\",\"kind\":\"no_data\",\"metric\":\"*\",\"severity\":\"info\",\"timeout\":\"PT99999999999999H\","
                        + "\"overrides\":[{\"station\":\"pond-3\",\"timeout\":\"99999999999999999999m\"},null]}",
                "{\"id\":\"" + "x".repeat(5000) + "\",\"kind\":\"station_offline\",\"severity\":\"critical\","
                        + "\"action\":{\"command\":\"switch\",\"nested\":{\"a\":[1,2.5,true,null]}}}");
        return Stream.concat(rules, hostile).map(s -> s.getBytes(StandardCharsets.UTF_8));
    }

    @MethodSource("seeds")
    @FuzzTest(maxExecutions = RUNS, maxDuration = "2m")
    void aRuleBodyIsAValidRuleOrFieldErrors(byte[] body) {
        FUZZED.incrementAndGet();
        String json = new String(body, StandardCharsets.UTF_8);
        RuleDefinition rule;
        try {
            rule = RuleCodec.readRuleJson(json);
        } catch (InvalidRulesException e) {
            assertThat(e.errors()).isNotEmpty();
            return;
        }
        assertThat(RuleValidator.validate(rule)).isEmpty();
        assertThat(RuleCodec.readRuleJson(RuleCodec.writeJson(rule))).isEqualTo(rule);
    }

    @AfterAll
    static void ranTheAgreedNumberOfInputs() {
        if (System.getenv("JAZZER_FUZZ") != null) {
            assertThat(FUZZED.get()).as("inputs fuzzed").isGreaterThanOrEqualTo(RUNS);
        }
    }
}
