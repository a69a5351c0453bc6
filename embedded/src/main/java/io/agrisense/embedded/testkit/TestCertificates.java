package io.agrisense.embedded.testkit;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Throw-away self-signed certificates made with the JDK's keytool, each its own CA (CN and SAN: localhost, 127.0.0.1):
 * a PKCS#12 keystore for a TLS server, and the PEM files a client or a broker's operator would hand over.
 */
public final class TestCertificates {

    public static final String PASSWORD = "agri-test";

    private TestCertificates() {
    }

    /** {@code <dir>/<name>.p12} with the key pair under the alias {@code name}, CN={@code name}. */
    public static Path keystore(Path dir, String name) throws Exception {
        Path keystore = dir.resolve(name + ".p12");
        keytool("-genkeypair", "-alias", name, "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=" + name, "-ext", "SAN=ip:127.0.0.1,dns:localhost",
                "-keystore", keystore.toString(), "-storetype", "PKCS12", "-storepass", PASSWORD, "-keypass", PASSWORD);
        return keystore;
    }

    /** The certificate of {@code name} as PEM: what a client trusts as the CA. */
    public static Path certificatePem(Path dir, String name, Path keystore) throws Exception {
        Path pem = dir.resolve(name + "-ca.pem");
        keytool("-exportcert", "-rfc", "-alias", name, "-keystore", keystore.toString(), "-storepass", PASSWORD,
                "-file", pem.toString());
        return pem;
    }

    /** The private key of {@code name} as unencrypted PKCS#8 PEM (what {@code openssl pkcs8 -topk8 -nocrypt} writes). */
    public static Path privateKeyPem(Path dir, String name, Path keystore) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
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
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("keytool " + String.join(" ", args) + " failed: " + output);
        }
    }
}
