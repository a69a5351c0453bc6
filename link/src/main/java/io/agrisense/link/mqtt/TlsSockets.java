package io.agrisense.link.mqtt;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/** TLS client sockets that trust exactly the CA certificates of a PEM file (the broker's private CA). */
public final class TlsSockets {

    private TlsSockets() {
    }

    public static SSLSocketFactory trusting(Path caPemFile) throws IOException, GeneralSecurityException {
        KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
        trust.load(null, null);
        CertificateFactory cf = CertificateFactory.getInstance("X.509");
        int n = 0;
        try (InputStream in = Files.newInputStream(caPemFile)) {
            for (Certificate c : cf.generateCertificates(in)) {
                trust.setCertificateEntry("ca-" + n++, c);
            }
        }
        if (n == 0) {
            throw new GeneralSecurityException(caPemFile + " holds no X.509 certificate");
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, tmf.getTrustManagers(), null);
        return ctx.getSocketFactory();
    }
}
