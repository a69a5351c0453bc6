package io.agrisense.link.localapi;

/** Where the local {@code /health} and {@code /metrics} listen; loopback unless the operator opens it. */
public record LocalApiConfig(String host, int port) {
}
