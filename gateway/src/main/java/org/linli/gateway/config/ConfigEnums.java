package org.linli.gateway.config;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Binding of the site file's small vocabularies (transport, serial protocol, parity, role): each enum is written in
 * the file by its {@code id} and bound by Jackson through a {@code @JsonCreator} that calls {@link #byId}, so a wrong
 * value is refused while the file is read, with its line and the allowed values, and no code re-parses strings.
 */
final class ConfigEnums {
    private ConfigEnums() {
    }

    /** An enum constant written in the site file by its id. */
    interface Written {
        String id();
    }

    static <E extends Enum<E> & Written> E byId(Class<E> type, String id, String what) {
        for (E e : type.getEnumConstants()) {
            if (e.id().equals(id)) {
                return e;
            }
        }
        throw new IllegalArgumentException("unknown " + what + " '" + id + "' (allowed: " + ids(type) + ")");
    }

    static <E extends Enum<E> & Written> String ids(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Written::id).collect(Collectors.joining(", "));
    }
}
