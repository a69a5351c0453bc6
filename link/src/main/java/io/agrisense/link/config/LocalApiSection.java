package io.agrisense.link.config;

import io.agrisense.config.ConfigException;
import io.agrisense.config.ConfigNode;
import io.agrisense.link.localapi.LocalApiConfig;

/** The {@code local_api:} section: {@code enabled}, {@code host} (loopback by default) and {@code port} of /health and /metrics. */
public final class LocalApiSection {

    public static final String LOOPBACK = "127.0.0.1";

    private LocalApiSection() {
    }

    /** The settings, or null when the local API is off ({@code enabled: false}, or absent where off by default). */
    public static LocalApiConfig read(ConfigNode top, boolean onByDefault, int defaultPort) throws ConfigException {
        ConfigNode l = top.section("local_api");
        l.onlyKeys("enabled", "host", "port");
        boolean enabled = l.bool("enabled", onByDefault || top.has("local_api"));
        int port = l.integer("port", defaultPort, 0, 65535);
        return enabled ? new LocalApiConfig(l.text("host", LOOPBACK), port) : null;
    }
}
