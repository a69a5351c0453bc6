package io.agrisense.bench.alert;

import java.util.Optional;

/**
 * Reads a Server-Sent Events stream line by line (WHATWG HTML, "Server-sent events"): {@code event:} names the
 * event, {@code data:} lines are joined with newlines, a blank line dispatches it, {@code :} lines are comments.
 */
final class SseParser {

    record Event(String name, String data) {
    }

    private String name;
    private StringBuilder data;

    /** Feeds one line (without its line break); returns the event that a blank line completes. */
    Optional<Event> line(String line) {
        if (line.isEmpty()) {
            Optional<Event> done = data == null ? Optional.empty()
                    : Optional.of(new Event(name == null ? "message" : name, data.toString()));
            name = null;
            data = null;
            return done;
        }
        if (line.startsWith(":")) {
            return Optional.empty();
        }
        int colon = line.indexOf(':');
        String field = colon < 0 ? line : line.substring(0, colon);
        String value = colon < 0 ? "" : line.substring(colon + 1);
        if (value.startsWith(" ")) {
            value = value.substring(1);
        }
        if (field.equals("event")) {
            name = value;
        } else if (field.equals("data")) {
            data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
        }
        return Optional.empty();
    }
}
