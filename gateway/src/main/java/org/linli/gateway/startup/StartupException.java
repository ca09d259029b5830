package org.linli.gateway.startup;

/**
 * The gateway cannot start, with one line that says what and where ("HTTP port 127.0.0.1:8080 is already in use").
 * The cause, when there is one, is kept for the debug log; the operator sees only the message.
 */
public final class StartupException extends Exception {

    public StartupException(String message) {
        super(message);
    }

    public StartupException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * The one line to show for a failed start: the message of the first StartupException in the cause chain, else
     * the innermost cause's type and message, on a single line.
     */
    public static String reason(Throwable failure) {
        Throwable innermost = failure;
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof StartupException) {
                return oneLine(t.getMessage());
            }
            innermost = t;
        }
        String message = innermost.getMessage();
        String type = innermost.getClass().getSimpleName();
        return oneLine(message == null || message.isBlank() ? type : type + ": " + message);
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s*[\\r\\n]+\\s*", "; ").strip();
    }
}
