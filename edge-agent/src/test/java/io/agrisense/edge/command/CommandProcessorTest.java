package io.agrisense.edge.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CommandProcessorTest {

    private final List<String> calls = new ArrayList<>();
    private final CommandProcessor processor = new CommandProcessor(new StationControl() {
        @Override
        public void setInterval(String sensor, Duration interval) throws CommandException {
            if (!sensor.equals("do_probe")) {
                throw new CommandException("no sensor named '" + sensor + "'");
            }
            calls.add("interval " + sensor + " " + interval);
        }

        @Override
        public void switchActuator(String actuator, boolean on, Duration duration, String commandId) {
            calls.add("switch " + actuator + " " + on + " " + duration + " " + commandId);
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
    });

    private String handle(String id, String json) {
        return processor.handle(id, json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void executesKnownCommandsAndRepliesOk() {
        assertThat(handle("c1", "{\"command\":\"set_interval\",\"sensor\":\"do_probe\",\"interval\":\"10s\"}"))
                .isEqualTo("{\"status\":\"ok\"}");
        assertThat(handle("c2", "{\"command\":\"switch\",\"actuator\":\"aerator\",\"state\":\"on\",\"duration\":90}"))
                .isEqualTo("{\"status\":\"ok\"}");
        assertThat(handle("c3", "{\"command\":\"switch\",\"actuator\":\"aerator\",\"state\":\"off\"}"))
                .isEqualTo("{\"status\":\"ok\"}");
        assertThat(handle("c4", "{\"command\":\"reload_config\"}")).isEqualTo("{\"status\":\"ok\",\"result\":\"reloaded\"}");
        assertThat(handle("c5", "{\"command\":\"status\"}")).isEqualTo("{\"status\":\"ok\",\"result\":{\"station_id\":\"st-1\"}}");
        assertThat(calls).containsExactly("interval do_probe PT10S", "switch aerator true PT1M30S c2",
                "switch aerator false null c3", "reload");
    }

    @Test
    void unknownOrMalformedCommandsGetAnErrorAndChangeNothing() {
        assertThat(handle("e1", "{\"command\":\"self_destruct\"}"))
                .isEqualTo("{\"status\":\"error\",\"reason\":\"unknown command \\\"self_destruct\\\"; known: "
                        + "[set_interval, switch, reload_config, status]\"}");
        assertThat(handle("e2", "not json")).startsWith("{\"status\":\"error\",\"reason\":\"not JSON:");
        assertThat(handle("e3", "[1,2]")).contains("\"status\":\"error\"");
        assertThat(handle("e4", "{\"command\":\"switch\",\"actuator\":\"aerator\",\"state\":\"on\"}"))
                .contains("missing field \\\"duration\\\"");
        assertThat(handle("e5", "{\"command\":\"switch\",\"actuator\":\"aerator\",\"state\":\"on\",\"duration\":\"13h\"}"))
                .contains("at most 12h");
        assertThat(handle("e6", "{\"command\":\"set_interval\",\"sensor\":\"x\",\"interval\":\"10s\"}"))
                .isEqualTo("{\"status\":\"error\",\"reason\":\"no sensor named 'x'\"}");
        assertThat(handle("e7", "{\"command\":\"set_interval\",\"sensor\":\"do_probe\",\"interval\":\"10s\",\"x\":1}"))
                .contains("unexpected field \\\"x\\\"");
        assertThat(calls).isEmpty();
    }

    @Test
    void aRepeatedCommandIdIsAnsweredAgainButExecutedOnce() {
        String json = "{\"command\":\"switch\",\"actuator\":\"aerator\",\"state\":\"on\",\"duration\":\"5min\"}";
        String first = handle("dup-1", json);
        String second = handle("dup-1", json);
        assertThat(second).isEqualTo(first).isEqualTo("{\"status\":\"ok\"}");
        assertThat(calls).containsExactly("switch aerator true PT5M dup-1");
    }
}
