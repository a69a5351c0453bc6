package io.agrisense.gateway.coap;

import io.agrisense.gateway.config.GatewayConfig;
import io.agrisense.gateway.config.GatewayConfigLoader;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.time.Clock;
import org.eclipse.californium.core.CoapServer;
import org.eclipse.californium.core.config.CoapConfig;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.elements.config.UdpConfig;
import org.eclipse.californium.scandium.DTLSConnector;
import org.eclipse.californium.scandium.config.DtlsConfig;
import org.eclipse.californium.scandium.config.DtlsConnectorConfig;
import org.eclipse.californium.scandium.dtls.pskstore.AdvancedMultiPskStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stations' side of the gateway (Californium): {@code POST /telemetry/<id>} on UDP, and on DTLS (Scandium) for
 * stations with a pre-shared key, each key's PSK identity being the station id.
 */
public final class CoapListener implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CoapListener.class);

    static {
        CoapConfig.register();
        UdpConfig.register();
        DtlsConfig.register();
    }

    private final GatewayConfig.Coap settings;
    private final CoapServer server;
    private final CoapEndpoint udp;
    private final CoapEndpoint dtls;
    private final TelemetryResource resource;

    public CoapListener(GatewayConfig.Coap settings, TelemetryResource.PackSink sink, Clock clock) {
        this.settings = settings;
        // Never read or write Californium3.properties in the working directory.
        Configuration config = Configuration.createStandardWithoutFile();
        config.set(CoapConfig.MAX_RESOURCE_BODY_SIZE, settings.maxBodyBytes());
        this.server = new CoapServer(config);
        this.udp = new CoapEndpoint.Builder().setConfiguration(config)
                .setInetSocketAddress(new InetSocketAddress(settings.host(), settings.port())).build();
        server.addEndpoint(udp);
        GatewayConfig.Dtls keys = settings.dtls();
        this.dtls = keys.enabled() ? dtlsEndpoint(config, settings.host(), keys) : null;
        if (dtls != null) {
            server.addEndpoint(dtls);
        }
        StationAccess access = new StationAccess(keys.enabled() && keys.required(), "port " + keys.port());
        this.resource = new TelemetryResource(sink, access, settings.maxBodyBytes(), clock);
        server.add(resource);
    }

    private static CoapEndpoint dtlsEndpoint(Configuration base, String host, GatewayConfig.Dtls keys) {
        Configuration config = new Configuration(base);
        config.set(DtlsConfig.DTLS_ROLE, DtlsConfig.DtlsRole.SERVER_ONLY);
        AdvancedMultiPskStore store = new AdvancedMultiPskStore();
        keys.keys().forEach(store::setKey);
        return CoapEndpoint.builder().setConfiguration(config).setConnector(new DTLSConnector(
                DtlsConnectorConfig.builder(config).setAddress(new InetSocketAddress(host, keys.port()))
                        .setAdvancedPskStore(store).build())).build();
    }

    public void start() {
        // Californium logs a bind failure with a stack trace and goes on; check the ports first for a clear error.
        checkFree(settings.port(), "coap.port or " + GatewayConfigLoader.ENV_COAP_PORT);
        if (dtls != null) {
            checkFree(settings.dtls().port(), "coap.dtls.port or " + GatewayConfigLoader.ENV_COAPS_PORT);
        }
        server.start();
        LOG.info("CoAP listening on udp {}:{} (POST /telemetry/<id>)", settings.host(), port());
        if (dtls != null) {
            LOG.info("CoAP listening on DTLS {}:{} for {} station(s) with a pre-shared key{}", settings.host(), dtlsPort(),
                    settings.dtls().keys().size(), settings.dtls().required() ? "; plain UDP posts are refused (4.01)" : "");
        }
    }

    private void checkFree(int port, String setting) {
        if (port == 0) {
            return;
        }
        try (DatagramSocket probe = new DatagramSocket(new InetSocketAddress(settings.host(), port))) {
            probe.setReuseAddress(false);
        } catch (SocketException e) {
            throw new IllegalStateException("UDP port " + port + " on " + settings.host() + " is already in use; change "
                    + setting);
        }
    }

    /** The UDP port (the real one when configured as 0). */
    public int port() {
        return udp.getAddress().getPort();
    }

    /** The DTLS port (the real one when configured as 0), or -1 without DTLS. */
    public int dtlsPort() {
        return dtls == null ? -1 : dtls.getAddress().getPort();
    }

    public long packsAccepted() {
        return resource.accepted();
    }

    public long packsRefused() {
        return resource.refused();
    }

    @Override
    public void close() {
        server.stop();
        server.destroy();
    }
}
