package io.agrisense.protocol.senml;

import io.agrisense.protocol.CoapPaths;

/** The two SenML representations we speak, with their media types and CoAP content-formats. */
public enum SenmlFormat {
    JSON("application/senml+json", CoapPaths.CONTENT_FORMAT_SENML_JSON),
    CBOR("application/senml+cbor", CoapPaths.CONTENT_FORMAT_SENML_CBOR);

    private final String mediaType;
    private final int coapContentFormat;

    SenmlFormat(String mediaType, int coapContentFormat) {
        this.mediaType = mediaType;
        this.coapContentFormat = coapContentFormat;
    }

    public String mediaType() {
        return mediaType;
    }

    public int coapContentFormat() {
        return coapContentFormat;
    }
}
