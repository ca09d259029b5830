package org.linli.drivers.serial.cjt188;

/**
 * Control byte C values. A reply is the request code | {@link #REPLY}; an abnormal (error) reply also sets
 * {@link #ERROR}, e.g. read 0x01 → reply 0x81 → error reply 0xC1.
 */
public final class Cjt188Control {
    public static final int READ_DATA = 0x01;
    public static final int READ_ADDRESS = 0x03;
    public static final int WRITE_DATA = 0x04;
    public static final int READ_KEY_VERSION = 0x09;
    public static final int WRITE_ADDRESS = 0x15;
    /** "Write motor-sync data" in CJ/T 188-2004; DOMAIN.md lists it as valve control. See Cjt188Requests. */
    public static final int WRITE_SYNC_DATA = 0x16;

    public static final int REPLY = 0x80;
    public static final int ERROR = 0x40;

    private Cjt188Control() {
    }

    public static boolean isError(int control) {
        return (control & ERROR) != 0;
    }
}
