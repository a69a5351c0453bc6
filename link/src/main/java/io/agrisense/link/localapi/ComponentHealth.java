package io.agrisense.link.localapi;

/** One part of a station or gateway as {@code /health} reports it: up or not, and a line saying why. */
public record ComponentHealth(String name, boolean up, String detail) {

    public static ComponentHealth up(String name, String detail) {
        return new ComponentHealth(name, true, detail);
    }

    public static ComponentHealth down(String name, String detail) {
        return new ComponentHealth(name, false, detail);
    }
}
