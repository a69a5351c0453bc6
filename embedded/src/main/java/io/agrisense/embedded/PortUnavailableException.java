package io.agrisense.embedded;

/** A server's TCP port is already taken; the message names the port so the caller can name its setting. */
public class PortUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final int port;

    public PortUnavailableException(String what, String bindAddress, int port) {
        super(what + " cannot listen on " + bindAddress + ":" + port + ": the port is already in use");
        this.port = port;
    }

    public int port() {
        return port;
    }
}
