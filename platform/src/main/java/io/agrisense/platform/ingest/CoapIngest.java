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
import org.eclipse.californium.core.network.Endpoint;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.elements.config.UdpConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * CoAP ingest (Californium) on UDP. DTLS endpoints (Scandium, a PSK per station) are meant to be added with
 * {@link #addEndpoint} and to pass their peer identity to the resource's station access check.
 */
public final class CoapIngest implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CoapIngest.class);

    static {
        CoapConfig.register();
        UdpConfig.register();
    }

    private final PlatformConfig.Coap settings;
    private final CoapServer server;
    private final CoapEndpoint udp;

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
        server.add(new CoapTelemetryResource(pipeline, batcher, clock, executor, settings.maxBodyBytes(), timeout,
                CoapTelemetryResource.StationAccess.ANYONE));
    }

    /** Adds another endpoint (e.g. DTLS on 5684) before {@link #start()}. */
    public void addEndpoint(Endpoint endpoint) {
        server.addEndpoint(endpoint);
    }

    public void start() {
        // Californium logs a bind failure with a stack trace and goes on; check the port first for a clear error.
        if (settings.port() != 0) {
            try (DatagramSocket probe = new DatagramSocket(new InetSocketAddress(settings.host(), settings.port()))) {
                probe.setReuseAddress(false);
            } catch (SocketException e) {
                throw StartupException.portInUse(settings.port(), "AGRI_COAP_PORT");
            }
        }
        try {
            server.start();
        } catch (IllegalStateException e) {
            throw new StartupException("the CoAP endpoint did not start on " + settings.host() + ":" + settings.port()
                    + ": " + e.getMessage(), e);
        }
        LOG.info("CoAP ingest listening on udp {}:{} (POST /telemetry/<id>)", settings.host(), port());
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
