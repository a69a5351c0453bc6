package io.agrisense.protocol.senml;

/** A nested array, object or map where SenML expects a plain value; only its kind is kept for the error message. */
record StructuredValue(String kind) {

    @Override
    public String toString() {
        return kind;
    }
}
