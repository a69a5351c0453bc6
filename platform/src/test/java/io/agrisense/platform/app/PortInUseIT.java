package io.agrisense.platform.app;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agrisense.platform.config.PlatformConfig;
import io.agrisense.platform.config.StartupException;
import io.agrisense.platform.testing.PlatformFixture;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A taken port is a one-line error naming the variable to change, and nothing stays half started. */
class PortInUseIT {

    @Test
    void aTakenHttpPortNamesAgriHttpPort() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int port = taken.getLocalPort();
            PlatformConfig config = PlatformFixture.config("port", Map.of());
            assertThatThrownBy(() -> Platform.start(withHttpPort(config, port), Platform.Extensions.none()))
                    .isInstanceOf(StartupException.class)
                    .hasMessage("port " + port + " is in use: set AGRI_HTTP_PORT to a free port");
        }
    }

    @Test
    void aTakenCoapPortNamesAgriCoapPort() throws Exception {
        try (DatagramSocket taken = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
            int port = taken.getLocalPort();
            PlatformConfig config = PlatformFixture.config("port", Map.of());
            PlatformConfig.Coap coap = new PlatformConfig.Coap(true, "127.0.0.1", port, config.coap().maxBodyBytes());
            PlatformConfig withCoap = new PlatformConfig(config.database(), config.mqtt(), config.http(), coap, config.ingest(),
                    config.dataDir());
            assertThatThrownBy(() -> Platform.start(withCoap, Platform.Extensions.none()))
                    .isInstanceOf(StartupException.class)
                    .hasMessage("port " + port + " is in use: set AGRI_COAP_PORT to a free port");
        }
    }

    @Test
    void aTakenEmbeddedBrokerPortNamesAgriMqttPort() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int port = taken.getLocalPort();
            PlatformConfig config = PlatformFixture.config("port", Map.of());
            PlatformConfig.Mqtt m = config.mqtt();
            PlatformConfig embeddedBroker = config.withMqtt(new PlatformConfig.Mqtt(null, port, "127.0.0.1", m.clientId(),
                    m.shareGroup(), m.receiveMaximum(), m.sessionExpiry(), m.keepAlive()));
            assertThatThrownBy(() -> Platform.start(embeddedBroker, Platform.Extensions.none()))
                    .isInstanceOf(StartupException.class)
                    .hasMessage("port " + port + " is in use: set AGRI_MQTT_PORT to a free port (or AGRI_MQTT_URL to use a running broker)");
        }
    }

    private static PlatformConfig withHttpPort(PlatformConfig c, int port) {
        PlatformConfig.Http h = c.http();
        PlatformConfig.Http http = new PlatformConfig.Http("127.0.0.1", port, h.bodyLimitBytes(), h.sseKeepAlive(), h.sseQueueBytes(),
                h.ingestTimeout());
        return new PlatformConfig(c.database(), c.mqtt(), http, c.coap(), c.ingest(), c.dataDir());
    }
}
