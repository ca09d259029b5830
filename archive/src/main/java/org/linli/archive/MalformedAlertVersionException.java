package org.linli.archive;

/** An alert version that lacks what the archive needs (id, version, type, severity, state, raisedAt) or has a bad time. */
public class MalformedAlertVersionException extends IllegalArgumentException {
    public MalformedAlertVersionException(String message) {
        super(message);
    }
}
