package io.agrisense.embedded;

import com.hivemq.configuration.service.InternalConfigurations;
import com.hivemq.embedded.EmbeddedHiveMQ;
import com.hivemq.migration.meta.PersistenceType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An MQTT 5 broker (HiveMQ CE embedded) running in this JVM: the zero-configuration default of the platform
 * and the broker of the tests. Persistent sessions survive a restart when file persistence is chosen.
 */
public final class EmbeddedMqttBroker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedMqttBroker.class);
    private static final long START_TIMEOUT_S = 60;

    private final EmbeddedHiveMQ hivemq;
    private final String bindAddress;
    private final int port;
    private final boolean tls;

    private EmbeddedMqttBroker(EmbeddedHiveMQ hivemq, String bindAddress, int port, boolean tls) {
        this.hivemq = hivemq;
        this.bindAddress = bindAddress;
        this.port = port;
        this.tls = tls;
    }

    /** How to start the broker. Port 0 picks a free port; {@code tls} null means plain TCP. */
    public record Options(String bindAddress, int port, Path folder, boolean persistent, int maxQueuedMessages,
                          Tls tls) {

        public Options(String bindAddress, int port, Path folder, boolean persistent, int maxQueuedMessages) {
            this(bindAddress, port, folder, persistent, maxQueuedMessages, null);
        }

        public static Options forTests() {
            return new Options("127.0.0.1", 0, null, false, 100_000);
        }

        public static Options persistentAt(Path folder, String bindAddress, int port) {
            return new Options(bindAddress, port, folder, true, 100_000);
        }

        /** The same broker, listening with TLS (MQTT over TLS, {@code ssl://}) instead of plain TCP. */
        public Options withTls(Path keystore, String password) {
            return new Options(bindAddress, port, folder, persistent, maxQueuedMessages, new Tls(keystore, password));
        }
    }

    /** A JKS or PKCS#12 key store holding the broker's certificate and key, both under one password. */
    public record Tls(Path keystore, String password) {
    }

    public static EmbeddedMqttBroker start(Options options) {
        int port = options.port() == 0 ? Ports.freePort() : options.port();
        if (!Ports.isAvailable(options.bindAddress(), port)) {
            throw new PortUnavailableException("the embedded MQTT broker", options.bindAddress(), port);
        }
        raiseInflightWindow();
        pureJavaPersistence();
        try {
            Path folder = options.folder() != null ? options.folder() : Files.createTempDirectory("agri-mqtt-");
            Path conf = Files.createDirectories(folder.resolve("conf"));
            Path data = Files.createDirectories(folder.resolve("data"));
            Path extensions = Files.createDirectories(folder.resolve("extensions"));
            Files.writeString(conf.resolve("config.xml"), configXml(options, port));
            Files.writeString(conf.resolve("logback.xml"), LOGBACK_XML);
            EmbeddedHiveMQ hivemq = EmbeddedHiveMQ.builder()
                    .withConfigurationFolder(conf)
                    .withDataFolder(data)
                    .withExtensionsFolder(extensions)
                    .build();
            hivemq.start().get(START_TIMEOUT_S, TimeUnit.SECONDS);
            HostLogging.restore();
            LOG.info("Embedded MQTT broker (HiveMQ CE) listening on {}:{} ({} persistence)",
                    options.bindAddress(), port, options.persistent() ? "file" : "in-memory");
            return new EmbeddedMqttBroker(hivemq, options.bindAddress(), port, options.tls() != null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the embedded MQTT broker's folders", e);
        } catch (Exception e) {
            throw new IllegalStateException("the embedded MQTT broker did not start: " + e.getMessage(), e);
        }
    }

    /**
     * HiveMQ CE sends a persistent session at most 50 unacknowledged messages (an internal constant, whatever the
     * client's Receive Maximum) and polls its queue again only when all of them are acknowledged. A subscriber that
     * acknowledges after its batch commits would then be capped at 50 messages per commit; let the client's
     * Receive Maximum decide instead (up to 10,000).
     */
    private static void raiseInflightWindow() {
        InternalConfigurations.MAX_INFLIGHT_WINDOW_SIZE_MESSAGES = Math.max(InternalConfigurations.MAX_INFLIGHT_WINDOW_SIZE_MESSAGES, 10_000);
        InternalConfigurations.PUBLISH_POLL_BATCH_SIZE = Math.max(InternalConfigurations.PUBLISH_POLL_BATCH_SIZE, 10_000);
    }

    /**
     * HiveMQ CE keeps message payloads and retained messages in RocksDB (native code, 4.6 MB per OS and architecture)
     * by default; its Xodus store is pure Java and holds the same data, so the platform jar carries no RocksDB natives
     * and runs on any JVM platform. A broker folder written with RocksDB by an earlier version is not read back.
     */
    private static void pureJavaPersistence() {
        InternalConfigurations.PAYLOAD_PERSISTENCE_TYPE.set(PersistenceType.FILE);
        InternalConfigurations.RETAINED_MESSAGE_PERSISTENCE_TYPE.set(PersistenceType.FILE);
    }

    private static String configXml(Options options, int port) {
        return """
                <?xml version="1.0"?>
                <hivemq>
                  <listeners>
                %s
                  </listeners>
                  <mqtt>
                    <queued-messages><max-queue-size>%d</max-queue-size></queued-messages>
                    <receive-maximum><server-receive-maximum>65535</server-receive-maximum></receive-maximum>
                  </mqtt>
                  <persistence><mode>%s</mode></persistence>
                  <anonymous-usage-statistics><enabled>false</enabled></anonymous-usage-statistics>
                </hivemq>
                """.formatted(listenerXml(options, port), options.maxQueuedMessages(),
                options.persistent() ? "file" : "in-memory");
    }

    private static String listenerXml(Options options, int port) {
        if (options.tls() == null) {
            return """
                        <tcp-listener>
                          <port>%d</port>
                          <bind-address>%s</bind-address>
                        </tcp-listener>""".formatted(port, options.bindAddress());
        }
        return """
                    <tls-tcp-listener>
                      <port>%d</port>
                      <bind-address>%s</bind-address>
                      <tls>
                        <keystore>
                          <path>%s</path>
                          <password>%s</password>
                          <private-key-password>%s</private-key-password>
                        </keystore>
                      </tls>
                    </tls-tcp-listener>""".formatted(port, options.bindAddress(),
                options.tls().keystore().toAbsolutePath(), options.tls().password(), options.tls().password());
    }

    // HiveMQ reconfigures logback from its conf folder at start (in force until HostLogging restores the host's).
    private static final String LOGBACK_XML = """
            <configuration scan="false">
              <appender name="CONSOLE" class="ch.qos.logback.core.ConsoleAppender">
                <encoder><pattern>%d{HH:mm:ss.SSS} %-5level %logger{24} - %msg%n</pattern></encoder>
              </appender>
              <logger name="com.hivemq" level="WARN"/>
              <logger name="jetbrains.exodus" level="WARN"/>
              <logger name="oshi" level="ERROR"/>
              <logger name="migrations" level="WARN"/>
              <logger name="io.zonky" level="WARN"/>
              <logger name="org.flywaydb" level="WARN"/>
              <logger name="com.zaxxer.hikari" level="WARN"/>
              <logger name="org.eclipse.paho" level="WARN"/>
              <logger name="io.netty" level="WARN"/>
              <logger name="org.eclipse.californium" level="WARN"/>
              <logger name="com.pi4j.boardinfo" level="OFF"/>
              <logger name="com.pi4j" level="WARN"/>
              <logger name="org.flywaydb.core.internal.command.DbMigrate" level="ERROR"/>
              <root level="INFO"><appender-ref ref="CONSOLE"/></root>
            </configuration>
            """;

    public int port() {
        return port;
    }

    /** {@code tcp://host:port} for Paho clients. */
    public String serverUri() {
        String host = "0.0.0.0".equals(bindAddress) ? "127.0.0.1" : bindAddress;
        return (tls ? "ssl://" : "tcp://") + host + ":" + port;
    }

    @Override
    public void close() {
        try {
            hivemq.stop().get(START_TIMEOUT_S, TimeUnit.SECONDS);
            hivemq.close();
        } catch (Exception e) {
            LOG.warn("Embedded MQTT broker did not stop cleanly: {}", e.getMessage());
        }
    }
}
