package io.agrisense.platform.ingest;

/** Where a message entered the platform; stored with every rejection and used as a metrics label. */
public enum Source {
    MQTT("mqtt"),
    HTTP("http"),
    COAP("coap"),
    /** Derived series written back by the platform's own models. */
    PLATFORM("platform");

    private final String label;

    Source(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
