package io.agrisense.platform.config;

/**
 * A problem the operator can fix (a bad setting, a taken port). Its message is one line that says what to change;
 * the command line prints it without a stack trace.
 */
public class StartupException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StartupException(String message) {
        super(message);
    }

    public StartupException(String message, Throwable cause) {
        super(message, cause);
    }

    /** "port 8080 is in use: set AGRI_HTTP_PORT to a free port". */
    public static StartupException portInUse(int port, String variable) {
        return new StartupException("port " + port + " is in use: set " + variable + " to a free port");
    }
}
