package io.agrisense.link.mqtt;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Collection;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * TLS client sockets from PEM files, as brokers such as Mosquitto are set up: trust exactly the CA certificates of a
 * file (the broker's private CA), and optionally present a client certificate with its unencrypted PKCS#8 key
 * ({@code -----BEGIN PRIVATE KEY-----}; {@code openssl pkcs8 -topk8 -nocrypt} converts other forms).
 */
public final class TlsSockets {

    private static final char[] IN_MEMORY = "in-memory".toCharArray();

    private TlsSockets() {
    }

    public static SSLSocketFactory trusting(Path caPemFile) throws IOException, GeneralSecurityException {
        return socketFactory(caPemFile, null, null);
    }

    /** {@code caPemFile} null: the JDK's default trust; {@code certPemFile}/{@code keyPemFile} null: no client certificate. */
    public static SSLSocketFactory socketFactory(Path caPemFile, Path certPemFile, Path keyPemFile)
            throws IOException, GeneralSecurityException {
        TrustManagerFactory tmf = null;
        if (caPemFile != null) {
            KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
            trust.load(null, null);
            int n = 0;
            for (Certificate c : certificates(caPemFile)) {
                trust.setCertificateEntry("ca-" + n++, c);
            }
            tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
        }
        KeyManagerFactory kmf = null;
        if (certPemFile != null && keyPemFile != null) {
            KeyStore identity = KeyStore.getInstance("PKCS12");
            identity.load(null, null);
            identity.setKeyEntry("client", privateKey(keyPemFile), IN_MEMORY,
                    certificates(certPemFile).toArray(new Certificate[0]));
            kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(identity, IN_MEMORY);
        }
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf == null ? null : kmf.getKeyManagers(), tmf == null ? null : tmf.getTrustManagers(), null);
        return ctx.getSocketFactory();
    }

    private static Collection<? extends Certificate> certificates(Path pem) throws IOException, GeneralSecurityException {
        try (InputStream in = Files.newInputStream(pem)) {
            Collection<? extends Certificate> certs = CertificateFactory.getInstance("X.509").generateCertificates(in);
            if (certs.isEmpty()) {
                throw new GeneralSecurityException(pem + " holds no X.509 certificate");
            }
            return certs;
        }
    }

    /** An unencrypted PKCS#8 key (RFC 5208) in PEM; RSA, EC and Ed25519 are tried in turn. */
    static PrivateKey privateKey(Path pem) throws IOException, GeneralSecurityException {
        String text = Files.readString(pem, StandardCharsets.US_ASCII);
        int begin = text.indexOf("-----BEGIN PRIVATE KEY-----");
        int end = text.indexOf("-----END PRIVATE KEY-----");
        if (begin < 0 || end < begin) {
            throw new GeneralSecurityException(pem + " holds no unencrypted PKCS#8 key (-----BEGIN PRIVATE KEY-----);"
                    + " convert it with: openssl pkcs8 -topk8 -nocrypt -in key.pem -out key-pkcs8.pem");
        }
        byte[] der = Base64.getMimeDecoder().decode(text.substring(begin + 27, end));
        for (String algorithm : new String[] {"RSA", "EC", "Ed25519"}) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (GeneralSecurityException notThisOne) {
                // try the next algorithm
            }
        }
        throw new GeneralSecurityException(pem + " holds a PKCS#8 key that is not RSA, EC or Ed25519");
    }
}
