package org.linli.drivers.serial.link;

/**
 * Says when the bytes read so far hold a whole reply, so {@link SerialLink#transact} stops reading without waiting
 * for its timeout. CJ/T 188 asks its frame extractor; Modbus compares with the length its header announces.
 */
@FunctionalInterface
public interface ReplyCompletion {
    boolean isComplete(byte[] received, int length);
}
