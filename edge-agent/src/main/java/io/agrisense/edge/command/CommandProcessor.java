package io.agrisense.edge.command;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agrisense.config.Quantities;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses, checks and executes downlink commands, and builds the reply ({@code {"status":"ok"|"error","reason":...}}).
 * A command is checked completely before anything changes; an unknown or malformed command changes nothing.
 * Brokers deliver QoS 1 at least once: a repeated command id is answered again with the first reply and not
 * executed again.
 *
 * <pre>
 * {"command":"set_interval","sensor":"do_probe","interval":"10s"}
 * {"command":"switch","actuator":"aerator","state":"on","duration":"30min"}   (duration required for "on")
 * {"command":"switch","actuator":"aerator","state":"off"}
 * {"command":"reload_config"}
 * {"command":"status"}
 * </pre>
 */
public final class CommandProcessor {

    public static final List<String> COMMANDS = List.of("set_interval", "switch", "reload_config", "status");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int REMEMBERED = 256;
    static final Duration MAX_SWITCH = Duration.ofHours(12);
    /** No command takes longer; far beyond it a duration no longer fits a millisecond count (a fuzz finding). */
    private static final Duration LONGEST = Duration.ofDays(366);

    private final StationControl station;
    private final Map<String, String> replies = new LinkedHashMap<>(64, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > REMEMBERED;
        }
    };

    public CommandProcessor(StationControl station) {
        this.station = station;
    }

    /** Handles one command and returns the reply JSON. */
    public synchronized String handle(String commandId, byte[] payload) {
        String earlier = replies.get(commandId);
        if (earlier != null) {
            return earlier;
        }
        String reply;
        try {
            reply = ok(execute(commandId, parse(payload)));
        } catch (CommandException e) {
            reply = error(e.getMessage());
        }
        replies.put(commandId, reply);
        return reply;
    }

    private static JsonNode parse(byte[] payload) throws CommandException {
        JsonNode n;
        try {
            n = JSON.readTree(payload);
        } catch (JsonProcessingException e) {
            throw new CommandException("not JSON: " + e.getOriginalMessage());
        } catch (java.io.IOException e) {
            throw new CommandException("unreadable command: " + e.getMessage());
        }
        if (n == null || !n.isObject()) {
            throw new CommandException("a command is a JSON object with a \"command\" field, one of " + COMMANDS);
        }
        return n;
    }

    private JsonNode execute(String commandId, JsonNode c) throws CommandException {
        String command = text(c, "command");
        switch (command) {
            case "set_interval" -> {
                only(c, Set.of("command", "sensor", "interval"));
                Duration interval = duration(c, "interval");
                if (interval.toMillis() < 100 || interval.compareTo(Duration.ofDays(1)) > 0) {
                    throw new CommandException("interval must be between 100ms and 1d, not " + Quantities.format(interval));
                }
                station.setInterval(text(c, "sensor"), interval);
                return null;
            }
            case "switch" -> {
                only(c, Set.of("command", "actuator", "state", "duration"));
                String actuator = text(c, "actuator");
                String state = text(c, "state");
                if (!state.equals("on") && !state.equals("off")) {
                    throw new CommandException("state must be \"on\" or \"off\", not \"" + state + "\"");
                }
                Duration duration = null;
                if (state.equals("on")) {
                    duration = duration(c, "duration");
                    if (duration.isZero() || duration.isNegative() || duration.compareTo(MAX_SWITCH) > 0) {
                        throw new CommandException("duration must be more than 0 and at most 12h");
                    }
                } else if (c.has("duration")) {
                    throw new CommandException("\"off\" takes no duration");
                }
                station.switchActuator(actuator, state.equals("on"), duration, commandId);
                return null;
            }
            case "reload_config" -> {
                only(c, Set.of("command"));
                return JSON.getNodeFactory().textNode(station.reloadConfig());
            }
            case "status" -> {
                only(c, Set.of("command"));
                return station.status();
            }
            default -> throw new CommandException("unknown command \"" + command + "\"; known: " + COMMANDS);
        }
    }

    private static void only(JsonNode c, Set<String> allowed) throws CommandException {
        var it = c.fieldNames();
        while (it.hasNext()) {
            String f = it.next();
            if (!allowed.contains(f)) {
                throw new CommandException("unexpected field \"" + f + "\" for " + c.get("command").asText());
            }
        }
    }

    private static String text(JsonNode c, String field) throws CommandException {
        JsonNode v = c.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            throw new CommandException("missing text field \"" + field + "\"");
        }
        return v.asText();
    }

    /** "30s", "10min", "PT1H" or a number of seconds. */
    private static Duration duration(JsonNode c, String field) throws CommandException {
        JsonNode v = c.get(field);
        if (v == null || v.isNull()) {
            throw new CommandException("missing field \"" + field + "\" (e.g. \"30s\", \"10min\" or seconds)");
        }
        Duration d;
        if (v.isNumber()) {
            d = Duration.ofMillis(Math.round(v.asDouble() * 1000));
        } else {
            try {
                d = Quantities.duration(v.asText());
            } catch (IllegalArgumentException e) {
                throw new CommandException(field + ": " + e.getMessage());
            }
        }
        if (d.compareTo(LONGEST) > 0) {
            throw new CommandException(field + " must be at most a year");
        }
        return d;
    }

    private static String ok(JsonNode result) {
        ObjectNode n = JSON.createObjectNode();
        n.put("status", "ok");
        if (result != null) {
            n.set("result", result);
        }
        return n.toString();
    }

    private static String error(String reason) {
        ObjectNode n = JSON.createObjectNode();
        n.put("status", "error");
        n.put("reason", reason);
        return n.toString();
    }
}
