package io.agrisense.link.config;

import io.agrisense.protocol.StationId;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;

/** How the station talks upstream: exactly one of {@code mqtt} or {@code coap}, plus batching and window sizes. */
public record UplinkConfig(Mqtt mqtt, Coap coap, int maxReadingsPerMessage, int inflightWindow) {

    public UplinkConfig {
        if ((mqtt == null) == (coap == null)) {
            throw new IllegalArgumentException("exactly one of mqtt or coap");
        }
    }

    public boolean isMqtt() {
        return mqtt != null;
    }

    public String url() {
        return isMqtt() ? mqtt.url() : coap.url();
    }

    /**
     * MQTT 5 over Paho; {@code url} is {@code tcp://host:1883} or {@code ssl://host:8883}. {@code tlsCaFile}: the
     * CA certificates (PEM) to trust; {@code tlsCertFile}/{@code tlsKeyFile}: an optional client certificate (PEM)
     * and its PKCS#8 key (PEM). Null fields are not used.
     */
    public record Mqtt(String url, String username, String password, Path tlsCaFile, Path tlsCertFile, Path tlsKeyFile,
                       int qos, String clientId) {

        public Mqtt withUrl(String newUrl) {
            return new Mqtt(newUrl, username, password, tlsCaFile, tlsCertFile, tlsKeyFile, qos, clientId);
        }

        @Override
        public String toString() {
            return "Mqtt[url=" + url + ", username=" + username + ", clientId=" + clientId + "]";
        }
    }

    /** CoAP over Californium; {@code coaps://} uses DTLS 1.2 with a pre-shared key. */
    public record Coap(String url, String pskIdentity, byte[] pskKey) {

        public boolean secure() {
            return url.startsWith("coaps://");
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Coap c && c.url.equals(url) && Objects.equals(c.pskIdentity, pskIdentity)
                    && Arrays.equals(c.pskKey, pskKey);
        }

        @Override
        public int hashCode() {
            return Objects.hash(url, pskIdentity, Arrays.hashCode(pskKey));
        }

        @Override
        public String toString() {
            return "Coap[url=" + url + ", pskIdentity=" + pskIdentity + "]";
        }
    }

    /** The same uplink pointed at {@code url}: an MQTT uplink keeps its credentials and client id. */
    public UplinkConfig withUrl(String url, StationId id) {
        boolean coapUrl = url.startsWith("coap://") || url.startsWith("coaps://");
        if (coapUrl) {
            Coap base = coap != null ? coap : new Coap(url, null, null);
            return new UplinkConfig(null, new Coap(url, base.pskIdentity(), base.pskKey()), maxReadingsPerMessage, inflightWindow);
        }
        Mqtt base = mqtt != null ? mqtt : new Mqtt(url, null, null, null, null, null, 1, "agri-" + id.value());
        return new UplinkConfig(base.withUrl(url), null, maxReadingsPerMessage, inflightWindow);
    }
}
