package io.agrisense.edge.app;

/** The agent's version, from the jar manifest ({@code Implementation-Version}), "dev" when run from classes. */
public final class AgentVersion {

    private AgentVersion() {
    }

    public static String get() {
        String v = AgentVersion.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
