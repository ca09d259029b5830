package org.linli.drivers.serial.link;

import java.io.IOException;

/**
 * The port itself failed: it does not exist, cannot be opened, or a read or write failed (a USB adapter pulled out,
 * the pty's other end gone). Not a device problem: the whole bus behind the port is unreachable.
 */
public final class SerialLinkException extends IOException {
    public SerialLinkException(String message) {
        super(message);
    }

    public SerialLinkException(String message, Throwable cause) {
        super(message, cause);
    }
}
