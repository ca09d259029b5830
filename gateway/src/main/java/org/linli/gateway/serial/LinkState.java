package org.linli.gateway.serial;

/**
 * Status of a bus or of a device on it (openHAB's bridge → thing model, FIELD-NOTES §6). PARENT_OFFLINE is a device
 * we cannot reach because its bus is down: it says nothing about the device, and it raises no alert of its own.
 */
public enum LinkState {
    UNKNOWN,
    ONLINE,
    OFFLINE,
    PARENT_OFFLINE
}
