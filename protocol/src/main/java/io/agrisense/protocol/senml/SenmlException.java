package io.agrisense.protocol.senml;

import java.util.Locale;

/**
 * A SenML pack that cannot be decoded or resolved; the message says what is wrong and where, and
 * {@link #reason()} says which kind of problem it is (for counting rejections per limit).
 */
public class SenmlException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why a pack was refused: not valid SenML, or over one of the {@link DecodeLimits}. */
    public enum Reason {
        /** Not a valid SenML pack: syntax, structure, field types, names, versions or values. */
        MALFORMED(null),
        TOO_LARGE("maxPayloadBytes"),
        TOO_MANY_RECORDS("maxRecords"),
        TOO_DEEP("maxDepth"),
        NAME_TOO_LONG("maxNameLength"),
        STRING_TOO_LONG("maxStringLength"),
        NUMBER_TOO_LONG("maxNumberLength");

        private final String limit;

        Reason(String limit) {
            this.limit = limit;
        }

        /** The machine-readable code, e.g. {@code too_deep}. */
        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The {@link DecodeLimits} component this reason enforces, null for {@link #MALFORMED}. */
        public String limit() {
            return limit;
        }
    }

    private final Reason reason;

    public SenmlException(String message) {
        this(Reason.MALFORMED, message, null);
    }

    public SenmlException(String message, Throwable cause) {
        this(Reason.MALFORMED, message, cause);
    }

    public SenmlException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    /** "{what} exceeds the limit of {limit} {unit} ({limit name})", e.g. for a pack of too many records. */
    static SenmlException overLimit(Reason reason, String what, long limit, String unit) {
        return new SenmlException(reason, what + " exceeds the limit of " + limit + " " + unit + " (" + reason.limit() + ")",
                null);
    }

    public Reason reason() {
        return reason;
    }
}
