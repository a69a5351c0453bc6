package io.agrisense.platform.store;

/** Why a reading (or a whole message) was not stored; the code is the label of the rejection counters. */
public enum RejectReason {
    MALFORMED_PACK("malformed_pack"),
    TOO_LARGE("too_large"),
    BAD_TOPIC("bad_topic"),
    BAD_NAME("bad_name"),
    STATION_MISMATCH("station_mismatch"),
    UNKNOWN_METRIC("unknown_metric"),
    NOT_NUMERIC("not_numeric"),
    UNIT_MISMATCH("unit_mismatch"),
    OUT_OF_RANGE("out_of_range"),
    FUTURE_TIME("future_time"),
    TOO_OLD("too_old"),
    BAD_EVENT("bad_event"),
    BAD_STATUS("bad_status"),
    CONFLICTING_DUPLICATE("conflicting_duplicate"),
    DATABASE_REFUSED("database_refused");

    private final String code;

    RejectReason(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static RejectReason fromCode(String code) {
        for (RejectReason r : values()) {
            if (r.code.equals(code)) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown rejection reason '" + code + "'");
    }
}
