package io.agrisense.link.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agrisense.embedded.testkit.TestCertificates;
import java.io.FileInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TLS from PEM files against a JDK TLS server on loopback that requires a client certificate (mutual TLS). */
class TlsSocketsTest {

    @TempDir
    Path dir;

    @Test
    void presentsTheClientCertificateAndTrustsOnlyTheGivenCa() throws Exception {
        Path server = TestCertificates.keystore(dir, "server");
        Path client = TestCertificates.keystore(dir, "client");
        Path serverCa = TestCertificates.certificatePem(dir, "server", server);
        Path clientCert = TestCertificates.certificatePem(dir, "client", client);
        Path clientKey = TestCertificates.privateKeyPem(dir, "client", client);

        try (SSLServerSocket listener = mutualTlsServer(server, clientCert)) {
            CompletableFuture<String> peer = CompletableFuture.supplyAsync(() -> {
                try (SSLSocket s = (SSLSocket) listener.accept()) {
                    s.getOutputStream().write(1);
                    s.getOutputStream().flush();
                    return s.getSession().getPeerPrincipal().getName();
                } catch (Exception e) {
                    return "refused: " + e.getMessage();
                }
            });
            SSLSocketFactory factory = TlsSockets.socketFactory(serverCa, clientCert, clientKey);
            try (SSLSocket s = (SSLSocket) factory.createSocket("127.0.0.1", listener.getLocalPort())) {
                assertThat(s.getInputStream().read()).isEqualTo(1);
            }
            assertThat(peer.get(10, TimeUnit.SECONDS)).isEqualTo("CN=client");
        }

        try (SSLServerSocket listener = mutualTlsServer(server, clientCert)) {
            CompletableFuture.runAsync(() -> {
                try (SSLSocket s = (SSLSocket) listener.accept()) {
                    s.startHandshake();
                } catch (Exception expected) {
                    // no client certificate: the handshake fails
                }
            });
            SSLSocketFactory noCertificate = TlsSockets.trusting(serverCa);
            assertThatThrownBy(() -> {
                try (SSLSocket s = (SSLSocket) noCertificate.createSocket("127.0.0.1", listener.getLocalPort())) {
                    s.startHandshake();
                    s.getInputStream().read();
                }
            }).as("the server requires a client certificate").isInstanceOf(Exception.class);
        }
    }

    @Test
    void aKeyThatIsNotPkcs8SaysHowToConvertIt() throws Exception {
        Path key = dir.resolve("rsa.pem");
        Files.writeString(key, "-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----\n");
        assertThatThrownBy(() -> TlsSockets.privateKey(key)).isInstanceOf(GeneralSecurityException.class)
                .hasMessageContaining("openssl pkcs8 -topk8 -nocrypt");
    }

    private SSLServerSocket mutualTlsServer(Path keystore, Path trustedClientPem) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = new FileInputStream(keystore.toFile())) {
            ks.load(in, TestCertificates.PASSWORD.toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, TestCertificates.PASSWORD.toCharArray());
        KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
        trust.load(null, null);
        try (InputStream in = Files.newInputStream(trustedClientPem)) {
            Certificate c = java.security.cert.CertificateFactory.getInstance("X.509").generateCertificate(in);
            trust.setCertificateEntry("client", c);
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        SSLServerSocket s = (SSLServerSocket) ctx.getServerSocketFactory().createServerSocket(0, 1,
                java.net.InetAddress.getLoopbackAddress());
        s.setNeedClientAuth(true);
        return s;
    }
}
