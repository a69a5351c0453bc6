package io.agrisense.link.mqtt;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Everything one MQTT 5 connection needs, for every Paho client of the project (the agent's and the gateway's
 * uplink, the platform's ingest and alert clients, the benchmarks): where and who, TLS files, the session (clean
 * start, or persistent with an expiry), keep-alive, Receive Maximum, the Last Will, manual acknowledgements, and the
 * reconnect back-off ({@code null}: a drop is final, for tools and benchmarks).
 */
public record MqttSettings(String serverUrl, String clientId, String username, String password, Path caFile,
                           Path certFile, Path keyFile, boolean cleanStart, Duration sessionExpiry, Duration keepAlive,
                           int receiveMaximum, Will will, boolean manualAcks, Backoff reconnect) {

    /** A retained or plain QoS 1 message the broker publishes when this client vanishes. */
    public record Will(String topic, byte[] payload, boolean retained) {
    }

    /** Waits before reconnecting: from {@code min}, doubling per failed attempt up to {@code max}, with jitter. */
    public record Backoff(Duration min, Duration max) {
    }

    public static Builder builder(String serverUrl, String clientId) {
        return new Builder(serverUrl, clientId);
    }

    /** Whether the connection uses TLS ({@code ssl://}, {@code wss://}) with files of its own. */
    public boolean customTls() {
        return caFile != null || certFile != null;
    }

    @Override
    public String toString() {
        return "MqttSettings[" + serverUrl + ", clientId=" + clientId + ", username=" + username + "]";
    }

    /** Defaults: clean start, keep-alive 30 s, the broker's Receive Maximum, reconnect from 0.5 s up to 10 s. */
    public static final class Builder {
        private final String serverUrl;
        private final String clientId;
        private String username;
        private String password;
        private Path caFile;
        private Path certFile;
        private Path keyFile;
        private boolean cleanStart = true;
        private Duration sessionExpiry = Duration.ZERO;
        private Duration keepAlive = Duration.ofSeconds(30);
        private int receiveMaximum;
        private Will will;
        private boolean manualAcks;
        private Backoff reconnect = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(10));

        private Builder(String serverUrl, String clientId) {
            this.serverUrl = serverUrl;
            this.clientId = clientId;
        }

        /** Null values are left out. */
        public Builder credentials(String user, String secret) {
            username = user;
            password = secret;
            return this;
        }

        /** The CA certificates to trust (PEM), and an optional client certificate (PEM) with its PKCS#8 key (PEM). */
        public Builder tls(Path ca, Path cert, Path key) {
            caFile = ca;
            certFile = cert;
            keyFile = key;
            return this;
        }

        /** The broker keeps the session (subscriptions, unacknowledged messages) for {@code expiry} after a drop. */
        public Builder persistentSession(Duration expiry) {
            cleanStart = false;
            sessionExpiry = expiry;
            return this;
        }

        public Builder keepAlive(Duration value) {
            keepAlive = value;
            return this;
        }

        /** How many QoS 1 messages the broker may have in flight to this client. */
        public Builder receiveMaximum(int value) {
            receiveMaximum = value;
            return this;
        }

        public Builder will(String topic, byte[] payload, boolean retained) {
            will = new Will(topic, payload, retained);
            return this;
        }

        /** Messages are acknowledged by {@link MqttConnection#ack} (after they are stored), not on arrival. */
        public Builder manualAcks() {
            manualAcks = true;
            return this;
        }

        public Builder reconnect(Duration min, Duration max) {
            reconnect = new Backoff(min, max);
            return this;
        }

        /** A drop is final: for tools and benchmarks, where a lost broker is a failed run. */
        public Builder noReconnect() {
            reconnect = null;
            return this;
        }

        public MqttSettings build() {
            return new MqttSettings(serverUrl, clientId, username, password, caFile, certFile, keyFile, cleanStart,
                    sessionExpiry, keepAlive, receiveMaximum, will, manualAcks, reconnect);
        }
    }
}
