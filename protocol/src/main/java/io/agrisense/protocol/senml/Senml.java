package io.agrisense.protocol.senml;

import java.util.List;

/**
 * Entry point of the SenML codec (RFC 8428): decode JSON or CBOR packs to records, resolve them, encode them.
 * Pure functions: no I/O, no clock (callers pass "now" for relative times).
 */
public final class Senml {

    private Senml() {
    }

    /**
     * Tells JSON from CBOR by the first significant byte: a JSON pack starts with '[' (after optional
     * white space), a CBOR pack with an array head (major type 4).
     */
    public static SenmlFormat detect(byte[] payload) throws SenmlException {
        throw new UnsupportedOperationException("implemented by the protocol work");
    }

    public static List<SenmlRecord> decode(byte[] payload) throws SenmlException {
        return decode(payload, detect(payload));
    }

    public static List<SenmlRecord> decode(byte[] payload, SenmlFormat format) throws SenmlException {
        throw new UnsupportedOperationException("implemented by the protocol work");
    }

    public static byte[] encode(List<SenmlRecord> pack, SenmlFormat format) {
        throw new UnsupportedOperationException("implemented by the protocol work");
    }

    /** Resolves a pack (RFC 8428 §4.6); relative times are taken from {@code nowEpochSeconds}. */
    public static List<ResolvedRecord> resolve(List<SenmlRecord> pack, double nowEpochSeconds) throws SenmlException {
        throw new UnsupportedOperationException("implemented by the protocol work");
    }

    public static List<ResolvedRecord> decodeAndResolve(byte[] payload, double nowEpochSeconds) throws SenmlException {
        return resolve(decode(payload), nowEpochSeconds);
    }
}
