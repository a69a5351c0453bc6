package io.agrisense.embedded.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A runnable jar as {@code mvn package} left it in the module's {@code target/}, for the integration tests that check
 * what ships (failsafe runs after package): its entries, its native code, and the jar started as its own process.
 */
public final class ShippedJar {

    /** Native libraries and archives of them: what must match the operating systems a jar is built for. */
    private static final Pattern NATIVE = Pattern.compile("(?i).+\\.(so|dll|dylib|jnilib|exe|a|txz|tgz)$");

    private final Path jar;
    private final List<String> entries;

    private ShippedJar(Path jar, List<String> entries) {
        this.jar = jar;
        this.entries = entries;
    }

    /** {@code target/<name>} of the module under test; fails when the jar has not been built. */
    public static ShippedJar inTarget(String name) {
        Path jar = Path.of("target", name).toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " does not exist: run the integration tests through mvn verify (after package)");
        }
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            return new ShippedJar(jar, Collections.list(zip.entries()).stream().map(ZipEntry::getName).toList());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + jar, e);
        }
    }

    public long size() {
        try {
            return Files.size(jar);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<String> entries() {
        return entries;
    }

    /** The entries that are native code (shared libraries, executables, compressed distributions of them). */
    public List<String> nativeFiles() {
        return entries.stream().filter(e -> NATIVE.matcher(e).matches()).toList();
    }

    /** {@code java -jar <jar> <args>} with this JVM's {@code java}. */
    public ProcessBuilder command(String... args) {
        List<String> command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command);
    }
}
