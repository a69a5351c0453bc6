package io.agrisense.protocol;

import java.util.Optional;

/** MQTT topic names of the {@code agri/v1} contract (docs/architecture.md, "MQTT topics"). */
public final class Topics {

    public static final String ROOT = "agri/v1";
    /** Wildcard subscription that the platform uses for all stations' telemetry. */
    public static final String ALL_TELEMETRY = ROOT + "/+/telemetry";
    public static final String ALL_STATUS = ROOT + "/+/status";
    public static final String ALL_REPLIES = ROOT + "/+/replies/+";

    private Topics() {
    }

    public enum Kind { TELEMETRY, STATUS, COMMAND, REPLY, ALERTS }

    /** A parsed topic; {@code commandId} is set for COMMAND and REPLY only. */
    public record Topic(Kind kind, StationId station, String commandId) {
    }

    public static String telemetry(StationId id) {
        return ROOT + "/" + id.value() + "/telemetry";
    }

    public static String status(StationId id) {
        return ROOT + "/" + id.value() + "/status";
    }

    public static String commands(StationId id) {
        return ROOT + "/" + id.value() + "/commands/+";
    }

    public static String command(StationId id, String commandId) {
        return ROOT + "/" + id.value() + "/commands/" + checkCommandId(commandId);
    }

    public static String reply(StationId id, String commandId) {
        return ROOT + "/" + id.value() + "/replies/" + checkCommandId(commandId);
    }

    public static String alerts(StationId id) {
        return ROOT + "/" + id.value() + "/alerts";
    }

    /** The shared-subscription form of a filter, so several platform instances split the load. */
    public static String shared(String group, String filter) {
        return "$share/" + group + "/" + filter;
    }

    /** Parses a concrete topic of the contract; empty when the topic is not one of ours. */
    public static Optional<Topic> parse(String topic) {
        if (topic == null) {
            return Optional.empty();
        }
        String[] levels = topic.split("/", -1);
        if (levels.length < 4 || !"agri".equals(levels[0]) || !"v1".equals(levels[1]) || !StationId.isValid(levels[2])) {
            return Optional.empty();
        }
        StationId id = new StationId(levels[2]);
        if (levels.length == 4) {
            return switch (levels[3]) {
                case "telemetry" -> Optional.of(new Topic(Kind.TELEMETRY, id, null));
                case "status" -> Optional.of(new Topic(Kind.STATUS, id, null));
                case "alerts" -> Optional.of(new Topic(Kind.ALERTS, id, null));
                default -> Optional.empty();
            };
        }
        if (levels.length == 5 && isValidCommandId(levels[4])) {
            return switch (levels[3]) {
                case "commands" -> Optional.of(new Topic(Kind.COMMAND, id, levels[4]));
                case "replies" -> Optional.of(new Topic(Kind.REPLY, id, levels[4]));
                default -> Optional.empty();
            };
        }
        return Optional.empty();
    }

    /** Command ids follow the station id alphabet so that they are safe topic levels. */
    public static boolean isValidCommandId(String commandId) {
        return StationId.isValid(commandId);
    }

    private static String checkCommandId(String commandId) {
        if (!isValidCommandId(commandId)) {
            throw new IllegalArgumentException("command id '" + commandId + "' must be 1-64 characters of A-Z a-z 0-9 _ -");
        }
        return commandId;
    }
}
