package io.agrisense.bench.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SseParserTest {

    private static List<SseParser.Event> parse(String stream) {
        SseParser parser = new SseParser();
        List<SseParser.Event> out = new ArrayList<>();
        for (String line : stream.split("\n", -1)) {
            parser.line(line).ifPresent(out::add);
        }
        return out;
    }

    @Test
    void dispatchesNamedEventsOnABlankLineAndSkipsComments() {
        List<SseParser.Event> events = parse("retry: 3000\n: connected\n\nevent: reading\ndata: {\"v\":1}\n\n: keep-alive\n\n"
                + "event: alert\ndata: {\"id\":\"a\"}\n\n");

        assertThat(events).containsExactly(new SseParser.Event("reading", "{\"v\":1}"), new SseParser.Event("alert", "{\"id\":\"a\"}"));
    }

    @Test
    void joinsDataLinesAndDefaultsTheNameToMessage() {
        assertThat(parse("data: one\ndata:two\n\n")).containsExactly(new SseParser.Event("message", "one\ntwo"));
    }

    @Test
    void anEventWithoutABlankLineYetIsNotDispatched() {
        assertThat(parse("event: alert\ndata: {}")).isEmpty();
    }
}
