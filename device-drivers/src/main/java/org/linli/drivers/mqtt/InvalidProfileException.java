package org.linli.drivers.mqtt;

/** A profile file that cannot be used; the message names the file, the key and the problem. */
public class InvalidProfileException extends RuntimeException {
    private final String source;

    public InvalidProfileException(String source, String problem) {
        super(source + ": " + problem);
        this.source = source;
    }

    public InvalidProfileException(String source, String problem, Throwable cause) {
        super(source + ": " + problem, cause);
        this.source = source;
    }

    /** The file or resource the profile came from. */
    public String source() {
        return source;
    }
}
