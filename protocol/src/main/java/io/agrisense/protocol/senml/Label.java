package io.agrisense.protocol.senml;

import java.util.HashMap;
import java.util.Map;

/** SenML labels with their JSON names and CBOR integer keys (RFC 8428 Tables 1 and 4), in encoding order. */
enum Label {
    BASE_NAME("bn", -2, Kind.TEXT),
    BASE_TIME("bt", -3, Kind.NUMBER),
    BASE_UNIT("bu", -4, Kind.TEXT),
    BASE_VALUE("bv", -5, Kind.NUMBER),
    BASE_SUM("bs", -6, Kind.NUMBER),
    BASE_VERSION("bver", -1, Kind.UNSIGNED),
    NAME("n", 0, Kind.TEXT),
    UNIT("u", 1, Kind.TEXT),
    TIME("t", 6, Kind.NUMBER),
    VALUE("v", 2, Kind.NUMBER),
    STRING_VALUE("vs", 3, Kind.TEXT),
    BOOLEAN_VALUE("vb", 4, Kind.BOOLEAN),
    DATA_VALUE("vd", 8, Kind.DATA),
    SUM("s", 5, Kind.NUMBER),
    UPDATE_TIME("ut", 7, Kind.NUMBER);

    /** The JSON type a label's value must have. */
    enum Kind { TEXT, NUMBER, UNSIGNED, BOOLEAN, DATA }

    private static final Map<String, Label> BY_JSON = new HashMap<>();
    private static final Map<Long, Label> BY_CBOR = new HashMap<>();

    static {
        for (Label label : values()) {
            BY_JSON.put(label.json, label);
            BY_CBOR.put((long) label.cbor, label);
        }
    }

    final String json;
    final int cbor;
    final Kind kind;

    Label(String json, int cbor, Kind kind) {
        this.json = json;
        this.cbor = cbor;
        this.kind = kind;
    }

    static Label fromJson(String name) {
        return BY_JSON.get(name);
    }

    static Label fromCbor(long key) {
        return BY_CBOR.get(key);
    }
}
