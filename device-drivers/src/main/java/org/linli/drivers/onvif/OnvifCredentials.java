package org.linli.drivers.onvif;

import java.util.Objects;

/** Camera user name and password. toString never shows the password (it ends up in logs otherwise). */
public record OnvifCredentials(String username, String password) {
    public OnvifCredentials {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
    }

    @Override
    public String toString() {
        return "OnvifCredentials[" + username + ", ****]";
    }
}
