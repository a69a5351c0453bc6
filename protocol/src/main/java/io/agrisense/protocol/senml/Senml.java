package io.agrisense.protocol.senml;

import java.util.List;

/**
 * Entry point of the SenML codec (RFC 8428): decode JSON or CBOR packs to records, resolve them, encode them.
 * Pure functions: no I/O, no clock (callers pass "now" for relative times). Decoding and resolving throw nothing
 * but {@link SenmlException}, whatever the input; the {@link DecodeLimits} bound the time and memory it takes.
 */
public final class Senml {

    private Senml() {
    }

    /**
     * Tells JSON from CBOR by the first significant byte: a JSON pack starts with '[' (after optional
     * white space), a CBOR pack with an array head (major type 4).
     */
    public static SenmlFormat detect(byte[] payload) throws SenmlException {
        if (payload == null || payload.length == 0) {
            throw new SenmlException("empty payload: expected a SenML pack (JSON array or CBOR array)");
        }
        for (byte b : payload) {
            int c = b & 0xff;
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
                continue; // JSON may start with white space; no CBOR array head is a white-space byte
            }
            if (c == '[') {
                return SenmlFormat.JSON;
            }
            if (c >>> 5 == 4) {
                return SenmlFormat.CBOR;
            }
            if (c == '{') {
                throw new SenmlException("a SenML pack must be a JSON array of records, got an object");
            }
            throw new SenmlException(String.format(
                    "not a SenML pack: first byte 0x%02x is neither '[' (JSON) nor a CBOR array head (0x80-0x9f)", c));
        }
        throw new SenmlException("payload holds only white space: expected a SenML pack");
    }

    public static List<SenmlRecord> decode(byte[] payload) throws SenmlException {
        return decode(payload, DecodeLimits.DEFAULTS);
    }

    public static List<SenmlRecord> decode(byte[] payload, DecodeLimits limits) throws SenmlException {
        checkSize(payload, limits); // before detect, which scans leading white space
        return decode(payload, detect(payload), limits);
    }

    public static List<SenmlRecord> decode(byte[] payload, SenmlFormat format) throws SenmlException {
        return decode(payload, format, DecodeLimits.DEFAULTS);
    }

    public static List<SenmlRecord> decode(byte[] payload, SenmlFormat format, DecodeLimits limits)
            throws SenmlException {
        checkSize(payload, limits);
        try {
            List<SenmlRecord> pack = format == SenmlFormat.JSON
                    ? SenmlJson.decode(payload, limits) : SenmlCbor.decode(payload, limits);
            SenmlResolver.requireRecords(pack);
            return pack;
        } catch (RuntimeException e) {
            throw unexpected(e);
        }
    }

    private static void checkSize(byte[] payload, DecodeLimits limits) throws SenmlException {
        if (payload == null) {
            throw new SenmlException("no payload: expected a SenML pack");
        }
        if (payload.length > limits.maxPayloadBytes()) {
            throw SenmlException.overLimit(SenmlException.Reason.TOO_LARGE, "a payload of " + payload.length + " bytes",
                    limits.maxPayloadBytes(), "bytes");
        }
    }

    public static byte[] encode(List<SenmlRecord> pack, SenmlFormat format) {
        return format == SenmlFormat.JSON ? SenmlJson.encode(pack) : SenmlCbor.encode(pack);
    }

    /** Resolves a pack (RFC 8428 §4.6); relative times are taken from {@code nowEpochSeconds}. */
    public static List<ResolvedRecord> resolve(List<SenmlRecord> pack, double nowEpochSeconds) throws SenmlException {
        return resolve(pack, nowEpochSeconds, DecodeLimits.DEFAULTS);
    }

    /** As {@link #resolve(List, double)}, holding resolved names (base name + name) to the limits' name length. */
    public static List<ResolvedRecord> resolve(List<SenmlRecord> pack, double nowEpochSeconds, DecodeLimits limits)
            throws SenmlException {
        try {
            return SenmlResolver.resolve(pack, nowEpochSeconds, limits);
        } catch (RuntimeException e) {
            throw unexpected(e);
        }
    }

    public static List<ResolvedRecord> decodeAndResolve(byte[] payload, double nowEpochSeconds) throws SenmlException {
        return decodeAndResolve(payload, nowEpochSeconds, DecodeLimits.DEFAULTS);
    }

    public static List<ResolvedRecord> decodeAndResolve(byte[] payload, double nowEpochSeconds, DecodeLimits limits)
            throws SenmlException {
        return resolve(decode(payload, limits), nowEpochSeconds, limits);
    }

    /**
     * A defect of ours, not of the pack; still a rejection, so that one message can never stop ingestion. The fuzz
     * tests fail on any such exception (they look for the cause).
     */
    private static SenmlException unexpected(RuntimeException e) {
        return new SenmlException("the pack could not be decoded (" + e.getClass().getSimpleName() + ": "
                + e.getMessage() + ")", e);
    }
}
