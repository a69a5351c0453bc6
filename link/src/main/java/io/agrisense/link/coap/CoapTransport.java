package io.agrisense.link.coap;

import io.agrisense.link.config.UplinkConfig;
import io.agrisense.link.uplink.Transport;
import io.agrisense.link.uplink.UplinkMessage;
import io.agrisense.protocol.CoapPaths;
import io.agrisense.protocol.StationId;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.californium.core.CoapClient;
import org.eclipse.californium.core.CoapHandler;
import org.eclipse.californium.core.CoapResponse;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.config.CoapConfig;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.elements.config.UdpConfig;
import org.eclipse.californium.scandium.DTLSConnector;
import org.eclipse.californium.scandium.config.DtlsConfig;
import org.eclipse.californium.scandium.config.DtlsConnectorConfig;
import org.eclipse.californium.scandium.dtls.pskstore.AdvancedSinglePskStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * CoAP uplink (Californium): each pack is a confirmable {@code POST /telemetry/<id>} of its station with the SenML
 * content-format (112 for CBOR, 110 for JSON); {@code 2.04 Changed} (any 2.xx) acknowledges it. Bad input
 * (4.00, 4.02, 4.13, 4.15, 4.22) is final: the pack is dropped and counted upstream of here. Anything else
 * (timeout, 4.01/4.03, 5.xx) means "try again": the link is reported down and probed again with back-off.
 * {@code coaps://} runs over DTLS 1.2 with the station's pre-shared key (Scandium).
 */
public final class CoapTransport implements Transport {

    private static final Logger LOG = LoggerFactory.getLogger(CoapTransport.class);
    private static final Set<ResponseCode> BAD_INPUT = Set.of(ResponseCode.BAD_REQUEST, ResponseCode.BAD_OPTION,
            ResponseCode.REQUEST_ENTITY_TOO_LARGE, ResponseCode.UNSUPPORTED_CONTENT_FORMAT, ResponseCode.UNPROCESSABLE_ENTITY);
    static final long MIN_BACKOFF_MS = 500;
    static final long MAX_BACKOFF_MS = 10_000;

    static {
        CoapConfig.register();
        UdpConfig.register();
        DtlsConfig.register();
    }

    private final UplinkConfig.Coap config;
    private final String uri;
    private final ScheduledExecutorService scheduler;
    private final CoapClient client;
    private final CoapEndpoint endpoint;
    private volatile LinkListener listener;
    private volatile boolean up;
    private volatile boolean closed;
    private long backoffMs = MIN_BACKOFF_MS;

    public CoapTransport(StationId station, UplinkConfig.Coap config, ScheduledExecutorService scheduler) {
        this.config = config;
        this.scheduler = scheduler;
        URI base = URI.create(config.url());
        int port = base.getPort() > 0 ? base.getPort() : (config.secure() ? CoapPaths.DEFAULT_DTLS_PORT : CoapPaths.DEFAULT_PORT);
        this.uri = base.getScheme() + "://" + base.getHost() + ":" + port + CoapPaths.telemetry(station);
        Configuration cfg = Configuration.createStandardWithoutFile();
        CoapEndpoint.Builder builder = CoapEndpoint.builder().setConfiguration(cfg);
        if (config.secure()) {
            cfg.set(DtlsConfig.DTLS_ROLE, DtlsConfig.DtlsRole.CLIENT_ONLY);
            DtlsConnectorConfig dtls = DtlsConnectorConfig.builder(cfg)
                    .setAddress(new InetSocketAddress(0))
                    .setAdvancedPskStore(new AdvancedSinglePskStore(config.pskIdentity(), config.pskKey()))
                    .build();
            builder.setConnector(new DTLSConnector(dtls));
        }
        this.endpoint = builder.build();
        this.client = new CoapClient(uri);
        this.client.setEndpoint(endpoint);
    }

    @Override
    public void start(LinkListener linkListener) {
        this.listener = linkListener;
        try {
            endpoint.start();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot open the CoAP endpoint: " + e.getMessage(), e);
        }
        LOG.info("CoAP uplink to {}{}", uri, config.secure() ? " (DTLS, PSK identity " + config.pskIdentity() + ")" : "");
        up = true;
        linkListener.linkUp();
    }

    @Override
    public int window() {
        return 16;
    }

    @Override
    public void send(UplinkMessage message, SendCallback callback) {
        Request post = Request.newPost();
        post.setURI(uri);
        post.setConfirmable(true);
        post.getOptions().setContentFormat(message.format().coapContentFormat());
        post.setPayload(message.payload());
        client.advanced(new CoapHandler() {
            @Override
            public void onLoad(CoapResponse response) {
                ResponseCode code = response.getCode();
                String diagnostic = code + " " + response.getResponseText();
                if (code.isSuccess()) {
                    synchronized (CoapTransport.this) {
                        backoffMs = MIN_BACKOFF_MS;
                    }
                    callback.delivered();
                } else if (BAD_INPUT.contains(code)) {
                    callback.rejected("CoAP " + diagnostic.trim());
                } else {
                    callback.failed("CoAP " + diagnostic.trim());
                    down("server answered " + diagnostic.trim());
                }
            }

            @Override
            public void onError() {
                callback.failed("no CoAP response from " + uri);
                down("no response from " + uri);
            }
        }, post);
    }

    private synchronized void down(String reason) {
        if (!up || closed) {
            return;
        }
        up = false;
        listener.linkDown(reason);
        long delay = backoffMs;
        backoffMs = Math.min(MAX_BACKOFF_MS, backoffMs * 2);
        try {
            scheduler.schedule(this::probe, delay, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException stopping) {
            // the agent is stopping
        }
    }

    /** CoAP has no connection: after the pause, simply try again by resending what is unacknowledged. */
    private void probe() {
        synchronized (this) {
            if (closed) {
                return;
            }
            up = true;
        }
        listener.linkUp();
    }

    @Override
    public void close() {
        closed = true;
        client.shutdown();
        endpoint.destroy();
    }
}
