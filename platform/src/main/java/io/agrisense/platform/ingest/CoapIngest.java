package io.agrisense.platform.ingest;

import io.agrisense.platform.config.PlatformConfig;
import io.agrisense.platform.config.StartupException;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executor;
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
 * CoAP ingest (Californium): {@code POST /telemetry/<id>} on UDP, and on DTLS (Scandium) where stations have
 * pre-shared keys, each station's PSK identity being its station id ({@link PskStationAccess}).
 */
public final class CoapIngest implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CoapIngest.class);

    static {
        CoapConfig.register();
        UdpConfig.register();
        DtlsConfig.register();
    }

    private final PlatformConfig.Coap settings;
    private final CoapServer server;
    private final CoapEndpoint udp;
    private final CoapEndpoint dtls;

    public CoapIngest(PlatformConfig.Coap settings, IngestPipeline pipeline, IngestBatcher batcher, Clock clock,
                      Executor executor, Duration timeout) {
        this.settings = settings;
        // Never read or write Californium3.properties in the working directory.
        Configuration config = Configuration.createStandardWithoutFile();
        config.set(CoapConfig.MAX_RESOURCE_BODY_SIZE, settings.maxBodyBytes());
        this.server = new CoapServer(config);
        this.udp = new CoapEndpoint.Builder()
                .setConfiguration(config)
                .setInetSocketAddress(new InetSocketAddress(settings.host(), settings.port()))
                .build();
        server.addEndpoint(udp);
        PlatformConfig.Dtls keys = settings.dtls();
        this.dtls = keys.enabled() ? dtlsEndpoint(config, settings.host(), keys) : null;
        if (dtls != null) {
            server.addEndpoint(dtls);
        }
        server.add(new CoapTelemetryResource(pipeline, batcher, clock, executor, settings.maxBodyBytes(), timeout,
                keys.enabled() ? new PskStationAccess(keys.required(), keys.port()) : CoapTelemetryResource.StationAccess.ANYONE));
    }

    private static CoapEndpoint dtlsEndpoint(Configuration base, String host, PlatformConfig.Dtls keys) {
        Configuration config = new Configuration(base);
        config.set(DtlsConfig.DTLS_ROLE, DtlsConfig.DtlsRole.SERVER_ONLY);
        AdvancedMultiPskStore store = new AdvancedMultiPskStore();
        keys.keys().forEach(store::setKey);
        return CoapEndpoint.builder().setConfiguration(config).setConnector(new DTLSConnector(
                DtlsConnectorConfig.builder(config).setAddress(new InetSocketAddress(host, keys.port()))
                        .setAdvancedPskStore(store).build())).build();
    }

    public void start() {
        // Californium logs a bind failure with a stack trace and goes on; check the port first for a clear error.
        checkFree(settings.port(), "AGRI_COAP_PORT");
        if (dtls != null) {
            checkFree(settings.dtls().port(), "AGRI_COAPS_PORT");
        }
        try {
            server.start();
        } catch (IllegalStateException e) {
            throw new StartupException("the CoAP endpoint did not start on " + settings.host() + ":" + settings.port()
                    + ": " + e.getMessage(), e);
        }
        LOG.info("CoAP ingest listening on udp {}:{} (POST /telemetry/<id>)", settings.host(), port());
        if (dtls != null) {
            LOG.info("CoAP ingest listening on DTLS {}:{} for {} station(s) with a pre-shared key{}", settings.host(),
                    dtlsPort(), settings.dtls().keys().size(), settings.dtls().required() ? "; plain UDP posts are refused (4.01)" : "");
        }
    }

    private void checkFree(int port, String variable) {
        if (port == 0) {
            return;
        }
        try (DatagramSocket probe = new DatagramSocket(new InetSocketAddress(settings.host(), port))) {
            probe.setReuseAddress(false);
        } catch (SocketException e) {
            throw StartupException.portInUse(port, variable);
        }
    }

    /** The DTLS port (the real one when configured as 0), or -1 without DTLS. */
    public int dtlsPort() {
        return dtls == null ? -1 : dtls.getAddress().getPort();
    }

    /** The UDP port (the real one when configured as 0). */
    public int port() {
        return udp.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop();
        server.destroy();
    }
}
