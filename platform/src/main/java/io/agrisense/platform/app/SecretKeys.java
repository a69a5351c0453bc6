package io.agrisense.platform.app;

import io.agrisense.platform.auth.PskCipher;
import io.agrisense.platform.config.PlatformConfig;
import io.agrisense.platform.config.StartupException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The deployment's secret key, which seals stations' DTLS keys at rest: {@code AGRI_SECRET_KEY}, else
 * {@code security.secretKeyFile}; in open mode (the demo) one is generated once under the data dir. Closed mode without
 * a key runs, but cannot issue or read pre-shared keys (the registry says so when asked).
 */
final class SecretKeys {

    static final String DEMO_KEY_FILE = "secret.key";

    private SecretKeys() {
    }

    static PskCipher cipher(PlatformConfig.Security security, Path dataDir) {
        try {
            if (security.secretKey() != null && !security.secretKey().isBlank()) {
                return PskCipher.fromBase64(security.secretKey());
            }
            if (security.secretKeyFile() != null) {
                return PskCipher.fromBase64(Files.readString(security.secretKeyFile()));
            }
            if (security.open()) {
                Path file = dataDir.resolve(DEMO_KEY_FILE);
                if (!Files.exists(file)) {
                    Files.createDirectories(dataDir);
                    Files.writeString(file, PskCipher.newKeyBase64() + "\n");
                    try {
                        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                    } catch (UnsupportedOperationException e) {
                        // not a POSIX file system: the data dir's own permissions protect it
                    }
                }
                return PskCipher.fromBase64(Files.readString(file));
            }
            return null;
        } catch (IOException e) {
            throw new StartupException("cannot read the secret key: " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new StartupException("the secret key (AGRI_SECRET_KEY or security.secretKeyFile) is unusable: " + e.getMessage(), e);
        }
    }
}
