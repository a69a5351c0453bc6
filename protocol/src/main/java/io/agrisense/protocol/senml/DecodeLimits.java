package io.agrisense.protocol.senml;

/**
 * Bounds that keep decoding a pack bounded in time and memory, whatever the sender puts in it. A pack over a
 * limit is refused with a {@link SenmlException} whose reason names the limit.
 *
 * @param maxPayloadBytes size of the encoded pack
 * @param maxRecords      records in one pack
 * @param maxDepth        nesting of arrays, objects/maps (and CBOR tags); a pack of records is 2 deep
 * @param maxNameLength   characters of a base name, a name, a resolved name (base name + name) and a field label;
 *                        resolved names are built per record, so this bounds the memory a pack can make us use
 * @param maxStringLength characters of any other text (units, string values, ignored fields), bytes of a byte string
 * @param maxNumberLength characters of a JSON number, decimal digits of a CBOR bignum
 */
public record DecodeLimits(int maxPayloadBytes, int maxRecords, int maxDepth, int maxNameLength, int maxStringLength,
                           int maxNumberLength) {

    /** The deepest nesting a caller may allow: the CBOR reader recurses once per level. */
    public static final int DEPTH_CEILING = 1000;

    /**
     * Defaults that accept what our stations send (the agent packs at most 10,000 readings per message, 200 by
     * default) and the platform's default message size (1 MiB), and little that no station would send.
     */
    public static final DecodeLimits DEFAULTS = new DecodeLimits(1 << 20, 20_000, 16, 256, 8192, 256);

    public DecodeLimits {
        positive("maxPayloadBytes", maxPayloadBytes);
        positive("maxRecords", maxRecords);
        positive("maxNameLength", maxNameLength);
        positive("maxStringLength", maxStringLength);
        positive("maxNumberLength", maxNumberLength);
        if (maxDepth < 2 || maxDepth > DEPTH_CEILING) {
            throw new IllegalArgumentException("maxDepth must be 2 (a pack of records) to " + DEPTH_CEILING
                    + ", got " + maxDepth);
        }
    }

    private static void positive(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be at least 1, got " + value);
        }
    }

    public DecodeLimits withMaxPayloadBytes(int bytes) {
        return new DecodeLimits(bytes, maxRecords, maxDepth, maxNameLength, maxStringLength, maxNumberLength);
    }

    public DecodeLimits withMaxRecords(int records) {
        return new DecodeLimits(maxPayloadBytes, records, maxDepth, maxNameLength, maxStringLength, maxNumberLength);
    }

    public DecodeLimits withMaxDepth(int depth) {
        return new DecodeLimits(maxPayloadBytes, maxRecords, depth, maxNameLength, maxStringLength, maxNumberLength);
    }

    public DecodeLimits withMaxNameLength(int chars) {
        return new DecodeLimits(maxPayloadBytes, maxRecords, maxDepth, chars, maxStringLength, maxNumberLength);
    }

    public DecodeLimits withMaxStringLength(int chars) {
        return new DecodeLimits(maxPayloadBytes, maxRecords, maxDepth, maxNameLength, chars, maxNumberLength);
    }

    public DecodeLimits withMaxNumberLength(int chars) {
        return new DecodeLimits(maxPayloadBytes, maxRecords, maxDepth, maxNameLength, maxStringLength, chars);
    }
}
