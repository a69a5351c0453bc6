package io.agrisense.link.uplink;

/** What the uplink has done since start. */
public record UplinkStats(boolean linkUp, long messagesSent, long recordsDelivered, long recordsRejected,
                          long readingsRejected, long sendFailures, String lastRejection) {
}
