package io.agrisense.embedded;

import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;

/**
 * What a PostgreSQL server writes to {@code postmaster.pid} in its data directory while it runs: its process id,
 * its data directory and port (lines 1, 2 and 4; PostgreSQL documentation, "Database File Layout").
 */
record PostmasterPid(long pid, Path dataDirectory, OptionalInt port) {

    static final String FILE_NAME = "postmaster.pid";

    /** Parses the file's lines; an unreadable first line means no usable pid file. */
    static PostmasterPid parse(List<String> lines) {
        if (lines.isEmpty()) {
            throw new IllegalArgumentException(FILE_NAME + " is empty");
        }
        long pid;
        try {
            pid = Long.parseLong(lines.get(0).trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(FILE_NAME + " does not start with a process id: '" + lines.get(0) + "'");
        }
        if (pid <= 0) {
            throw new IllegalArgumentException(FILE_NAME + " names process " + pid);
        }
        Path dataDirectory = lines.size() > 1 && !lines.get(1).isBlank() ? Path.of(lines.get(1).trim()) : null;
        OptionalInt port = OptionalInt.empty();
        if (lines.size() > 3) {
            try {
                port = OptionalInt.of(Integer.parseInt(lines.get(3).trim()));
            } catch (NumberFormatException e) {
                // a server that is still starting may not have written its port yet
            }
        }
        return new PostmasterPid(pid, dataDirectory, port);
    }

    /**
     * Whether a process's command line is a PostgreSQL server for {@code dataDirectory}: its program is
     * {@code postgres} (or the old name {@code postmaster}) and its {@code -D} argument names that directory.
     */
    static boolean isServerFor(String command, List<String> arguments, Path dataDirectory) {
        String program = Path.of(command).getFileName().toString();
        if (!program.equals("postgres") && !program.equals("postmaster")) {
            return false;
        }
        int d = arguments.indexOf("-D");
        if (d < 0 || d + 1 >= arguments.size()) {
            return false;
        }
        return Path.of(arguments.get(d + 1)).toAbsolutePath().normalize()
                .equals(dataDirectory.toAbsolutePath().normalize());
    }
}
