package io.agrisense.edge.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Coverage-guided fuzzing of the downlink command parser through {@link CommandProcessor#handle}: whatever the
 * payload, handling it throws nothing and answers {@code {"status":"ok"}} or {@code {"status":"error","reason":..}};
 * an error changes nothing on the station, an ok changes at most one thing, and a repeated command id gets the
 * same reply without acting again.
 */
class CommandProcessorFuzzTest {

    private static final int RUNS = 10_000;
    private static final AtomicInteger FUZZED = new AtomicInteger();
    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<byte[]> seeds() {
        return Stream.of(
                "{\"command\":\"set_interval\",\"sensor\":\"do_probe\",\"interval\":\"10s\"}",
                "{\"command\":\"set_interval\",\"sensor\":\"do_probe\",\"interval\":\"PT1H\"}",
                "{\"command\":\"switch\",\"actuator\":\"aerator\",\"state\":\"on\",\"duration\":\"30min\"}",
                "{\"command\":\"switch\",\"actuator\":\"aerator\",\"state\":\"on\",\"duration\":90}",
                "{\"command\":\"switch\",\"actuator\":\"aerator\",\"state\":\"off\"}",
                "{\"command\":\"reload_config\"}",
                "{\"command\":\"status\"}",
                "{\"command\":\"self_destruct\"}",
                // the shapes issue 7 worries about: nesting deeper than Jackson's limit, empty, over-size values
                "{\"command\":" + "[".repeat(2000) + "]".repeat(2000) + "}",
                "{}",
                "",
                "{\"command\":\"set_interval\",\"sensor\":\"do_probe\",\"interval\":\"PT99999999999999H\"}",
                "{\"command\":\"switch\",\"actuator\":\"aerator\",\"state\":\"on\",\"duration\":1e308}",
                "{\"command\":\"set_interval\",\"sensor\":\"" + "x".repeat(5000) + "\",\"interval\":\"99999999999999999999d\"}")
                .map(s -> s.getBytes(StandardCharsets.UTF_8));
    }

    @MethodSource("seeds")
    @FuzzTest(maxExecutions = RUNS, maxDuration = "2m")
    void everyPayloadGetsAReplyAndOnlyAValidCommandActs(byte[] payload) throws IOException {
        FUZZED.incrementAndGet();
        List<String> calls = new ArrayList<>();
        CommandProcessor processor = new CommandProcessor(new RecordingStation(calls));

        String reply = processor.handle("c1", payload);
        JsonNode parsed = JSON.readTree(reply);
        String status = parsed.path("status").asText();
        assertThat(status).isIn("ok", "error");
        if (status.equals("error")) {
            assertThat(parsed.path("reason").asText()).isNotBlank();
            assertThat(calls).as("an error changes nothing").isEmpty();
        } else {
            assertThat(calls).hasSizeLessThanOrEqualTo(1);
        }
        int acted = calls.size();
        assertThat(processor.handle("c1", payload)).isEqualTo(reply);
        assertThat(calls).as("a repeated command id does not act again").hasSize(acted);
    }

    @AfterAll
    static void ranTheAgreedNumberOfInputs() {
        if (System.getenv("JAZZER_FUZZ") != null) {
            assertThat(FUZZED.get()).as("inputs fuzzed").isGreaterThanOrEqualTo(RUNS);
        }
    }

    /** A station with one sensor and one actuator; it refuses others the way the agent does, before acting. */
    private record RecordingStation(List<String> calls) implements StationControl {

        @Override
        public void setInterval(String sensor, Duration interval) throws CommandException {
            if (!sensor.equals("do_probe")) {
                throw new CommandException("no sensor named '" + sensor + "'");
            }
            calls.add("interval " + interval);
        }

        @Override
        public void switchActuator(String actuator, boolean on, Duration duration, String commandId)
                throws CommandException {
            if (!actuator.equals("aerator")) {
                throw new CommandException("no actuator named '" + actuator + "'");
            }
            calls.add("switch " + on + " " + duration);
        }

        @Override
        public String reloadConfig() {
            calls.add("reload");
            return "reloaded";
        }

        @Override
        public JsonNode status() {
            return JsonNodeFactory.instance.objectNode().put("station_id", "st-1");
        }
    }
}
