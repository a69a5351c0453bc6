package io.agrisense.platform.store;

import java.util.List;

/**
 * What happened to one message's rows in a committed transaction: readings newly stored, readings that were
 * already there with the same value, and every rejection (the message's own and conflicting duplicates).
 */
public record MessageOutcome(List<Reading> stored, int duplicates, List<StationEvent> events, List<Rejection> rejections) {

    public MessageOutcome {
        stored = List.copyOf(stored);
        events = List.copyOf(events);
        rejections = List.copyOf(rejections);
    }
}
