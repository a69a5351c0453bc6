package io.agrisense.link.buffer;

/** A record handed to the uplink: its sequence number, how many readings it carries, and its bytes. */
public record QueuedRecord(long seq, int weight, byte[] payload) {
}
