package io.agrisense.protocol.senml;

/** A SenML pack that cannot be decoded or resolved; the message says what is wrong and where. */
public class SenmlException extends Exception {

    private static final long serialVersionUID = 1L;

    public SenmlException(String message) {
        super(message);
    }

    public SenmlException(String message, Throwable cause) {
        super(message, cause);
    }
}
