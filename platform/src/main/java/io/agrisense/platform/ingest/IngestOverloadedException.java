package io.agrisense.platform.ingest;

/** The ingest queue is full because the database is slower than the senders (or down); retry later. */
public class IngestOverloadedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public IngestOverloadedException(String message) {
        super(message);
    }
}
