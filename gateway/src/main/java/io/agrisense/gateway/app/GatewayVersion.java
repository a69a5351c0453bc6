package io.agrisense.gateway.app;

/** The gateway's version, from the jar manifest ({@code Implementation-Version}), "dev" when run from classes. */
final class GatewayVersion {

    private GatewayVersion() {
    }

    static String get() {
        String v = GatewayVersion.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
