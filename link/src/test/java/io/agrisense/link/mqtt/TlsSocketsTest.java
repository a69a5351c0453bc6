package io.agrisense.link.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.FileInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
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

    private static final String PASSWORD = "agri-test";

    @TempDir
    Path dir;

    @Test
    void presentsTheClientCertificateAndTrustsOnlyTheGivenCa() throws Exception {
        Path server = keystore("server");
        Path client = keystore("client");
        Path serverCa = certificatePem("server", server);
        Path clientCert = certificatePem("client", client);
        Path clientKey = pkcs8Pem("client", client);

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
            ks.load(in, PASSWORD.toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, PASSWORD.toCharArray());
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

    private Path keystore(String name) throws Exception {
        Path keystore = dir.resolve(name + ".p12");
        keytool("-genkeypair", "-alias", name, "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=" + name, "-ext", "SAN=ip:127.0.0.1,dns:localhost",
                "-keystore", keystore.toString(), "-storetype", "PKCS12", "-storepass", PASSWORD, "-keypass", PASSWORD);
        return keystore;
    }

    private Path certificatePem(String name, Path keystore) throws Exception {
        Path pem = dir.resolve(name + "-cert.pem");
        keytool("-exportcert", "-rfc", "-alias", name, "-keystore", keystore.toString(), "-storepass", PASSWORD,
                "-file", pem.toString());
        return pem;
    }

    /** The key as an installer would hand it over: PKCS#8 PEM (what {@code openssl pkcs8 -topk8 -nocrypt} writes). */
    private Path pkcs8Pem(String name, Path keystore) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = new FileInputStream(keystore.toFile())) {
            ks.load(in, PASSWORD.toCharArray());
        }
        byte[] der = ks.getKey(name, PASSWORD.toCharArray()).getEncoded();
        Path pem = dir.resolve(name + "-key.pem");
        Files.writeString(pem, "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END PRIVATE KEY-----\n");
        return pem;
    }

    private static void keytool(String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(output).isZero();
    }
}
