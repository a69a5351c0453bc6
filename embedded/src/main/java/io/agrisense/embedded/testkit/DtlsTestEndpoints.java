package io.agrisense.embedded.testkit;

import java.net.InetSocketAddress;
import java.util.Map;
import org.eclipse.californium.core.CoapClient;
import org.eclipse.californium.core.CoapResponse;
import org.eclipse.californium.core.config.CoapConfig;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.elements.config.UdpConfig;
import org.eclipse.californium.scandium.DTLSConnector;
import org.eclipse.californium.scandium.config.DtlsConfig;
import org.eclipse.californium.scandium.config.DtlsConnectorConfig;
import org.eclipse.californium.scandium.dtls.pskstore.AdvancedMultiPskStore;
import org.eclipse.californium.scandium.dtls.pskstore.AdvancedSinglePskStore;

/** CoAP over DTLS with pre-shared keys for tests (Scandium): a station-like client, a server endpoint, one POST. */
public final class DtlsTestEndpoints {

    static {
        CoapConfig.register();
        UdpConfig.register();
        DtlsConfig.register();
    }

    private DtlsTestEndpoints() {
    }

    /** A client on loopback port 0 with one PSK identity and key; one retransmission, so a wrong key fails fast. */
    public static CoapEndpoint client(String identity, byte[] key) {
        Configuration cfg = Configuration.createStandardWithoutFile();
        cfg.set(DtlsConfig.DTLS_ROLE, DtlsConfig.DtlsRole.CLIENT_ONLY);
        cfg.set(DtlsConfig.DTLS_MAX_RETRANSMISSIONS, 1);
        return CoapEndpoint.builder().setConfiguration(cfg).setConnector(new DTLSConnector(DtlsConnectorConfig.builder(cfg)
                .setAddress(new InetSocketAddress("127.0.0.1", 0))
                .setAdvancedPskStore(new AdvancedSinglePskStore(identity, key)).build())).build();
    }

    /** A server endpoint on loopback port 0 that knows {@code keys} (PSK identity to key). */
    public static CoapEndpoint server(Configuration cfg, Map<String, byte[]> keys) {
        Configuration dtls = new Configuration(cfg);
        dtls.set(DtlsConfig.DTLS_ROLE, DtlsConfig.DtlsRole.SERVER_ONLY);
        AdvancedMultiPskStore store = new AdvancedMultiPskStore();
        keys.forEach(store::setKey);
        return CoapEndpoint.builder().setConfiguration(dtls).setConnector(new DTLSConnector(DtlsConnectorConfig.builder(dtls)
                .setAddress(new InetSocketAddress("127.0.0.1", 0)).setAdvancedPskStore(store).build())).build();
    }

    /**
     * POSTs {@code payload} to {@code uri} ({@code coaps://...}) over {@code endpoint}, then destroys the endpoint.
     * @throws IllegalStateException when no response came (e.g. no DTLS session with a wrong key)
     */
    public static CoapResponse post(CoapEndpoint endpoint, String uri, byte[] payload, int contentFormat) throws Exception {
        CoapClient client = new CoapClient(uri);
        client.setEndpoint(endpoint).setTimeout(5000L);
        try {
            CoapResponse reply = client.post(payload, contentFormat);
            if (reply == null) {
                throw new IllegalStateException("no response from the DTLS endpoint " + uri);
            }
            return reply;
        } finally {
            client.shutdown();
            endpoint.destroy();
        }
    }
}
