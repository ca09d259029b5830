package org.linli.gateway.alert;

import java.util.Objects;

/**
 * Which condition an alert is about: the alert service keeps one open alert per key (docs/ALERTS.md, "The alert
 * model"). One factory per kind; {@link #value()} is the string form kept in the alert store and the logs, the same
 * strings earlier versions built by hand, so a store written by them keeps matching; {@link #parse} reads one back.
 * <ul>
 *   <li>{@link #device}: {@code <device>/<TYPE>}, e.g. {@code gas-3-2-501/GAS_LEAK}</li>
 *   <li>{@link #household}: {@code household:<key>/<TYPE>}</li>
 *   <li>{@link #camera}: {@code camera:<id>/<TYPE>}</li>
 *   <li>{@link #bus}: {@code bus:<name>}</li>
 *   <li>{@link #broker}: {@code mqtt:broker}</li>
 * </ul>
 * {@code type} is null exactly for the kinds without one (bus, broker).
 */
public record AlertKey(Kind kind, String subject, AlertType type) {

    /** The kinds of key, with the prefix of their string form and whether they name an alert type. */
    public enum Kind {
        DEVICE("", true),
        HOUSEHOLD("household:", true),
        CAMERA("camera:", true),
        BUS("bus:", false),
        BROKER("mqtt:", false);

        private final String prefix;
        private final boolean typed;

        Kind(String prefix, boolean typed) {
            this.prefix = prefix;
            this.typed = typed;
        }
    }

    private static final String FORMS = "<device>/<TYPE>, household:<key>/<TYPE>, camera:<id>/<TYPE>, bus:<name> "
            + "or mqtt:broker";

    public AlertKey {
        Objects.requireNonNull(kind, "kind");
        if (subject == null || subject.isEmpty()) {
            throw new IllegalArgumentException("an alert key of kind " + kind + " needs a non-empty subject");
        }
        if (kind.typed != (type != null)) {
            throw new IllegalArgumentException("an alert key of kind " + kind
                    + (kind.typed ? " needs an alert type" : " takes no alert type"));
        }
    }

    /** A condition of one device: {@code <device>/<TYPE>}. */
    public static AlertKey device(String deviceId, AlertType type) {
        return new AlertKey(Kind.DEVICE, deviceId, Objects.requireNonNull(type, "type"));
    }

    /** A condition of a whole household (all its meters): {@code household:<key>/<TYPE>}. */
    public static AlertKey household(String householdKey, AlertType type) {
        return new AlertKey(Kind.HOUSEHOLD, householdKey, Objects.requireNonNull(type, "type"));
    }

    /** A condition of a camera (health or its events): {@code camera:<id>/<TYPE>}. */
    public static AlertKey camera(String cameraId, AlertType type) {
        return new AlertKey(Kind.CAMERA, cameraId, Objects.requireNonNull(type, "type"));
    }

    /** A serial bus that is down: {@code bus:<name>}. */
    public static AlertKey bus(String busName) {
        return new AlertKey(Kind.BUS, busName, null);
    }

    /** The gateway's MQTT broker connection: {@code mqtt:broker}. */
    public static AlertKey broker() {
        return new AlertKey(Kind.BROKER, "broker", null);
    }

    /** The string form: what the store keeps and the logs show. */
    public String value() {
        return kind.prefix + subject + (type == null ? "" : "/" + type.name());
    }

    /**
     * Reads a key back from {@link #value()}'s form: by its prefix, else as a device key. Throws
     * IllegalArgumentException naming the forms for anything else (no {@code /<TYPE>} where one is needed, an
     * unknown alert type, an empty subject).
     */
    public static AlertKey parse(String text) {
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException("an empty alert key; expected " + FORMS);
        }
        Kind kind = Kind.DEVICE;
        for (Kind k : Kind.values()) {
            if (!k.prefix.isEmpty() && text.startsWith(k.prefix)) {
                kind = k;
                break;
            }
        }
        String rest = text.substring(kind.prefix.length());
        if (!kind.typed) {
            if (rest.isEmpty()) {
                throw new IllegalArgumentException("alert key '" + text + "' names no " + kind.name().toLowerCase()
                        + "; expected " + FORMS);
            }
            return new AlertKey(kind, rest, null);
        }
        int slash = rest.lastIndexOf('/');
        if (slash <= 0) {
            throw new IllegalArgumentException("alert key '" + text + "' is not one of " + FORMS);
        }
        String typeName = rest.substring(slash + 1);
        AlertType type;
        try {
            type = AlertType.valueOf(typeName);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("alert key '" + text + "' ends in '" + typeName
                    + "', which is no alert type; expected " + FORMS, e);
        }
        return new AlertKey(kind, rest.substring(0, slash), type);
    }

    @Override
    public String toString() {
        return value();
    }
}
