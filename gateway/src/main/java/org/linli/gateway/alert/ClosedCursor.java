package org.linli.gateway.alert;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * A position in the list of terminal alerts, newest closed first: the closing time and id of the last alert of a
 * page (ties on the time are broken by id, descending). Shown to clients as an opaque token ({@link #token()}); a token
 * that does not parse is refused, never guessed at.
 */
public record ClosedCursor(long closedAtMs, String id) {
    private static final String PREFIX = "c1:";

    public String token() {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((PREFIX + closedAtMs + ":" + id).getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor of a token from {@link #token()}, or empty when the text is not one. */
    public static Optional<ClosedCursor> parse(String token) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            if (!text.startsWith(PREFIX)) {
                return Optional.empty();
            }
            String rest = text.substring(PREFIX.length());
            int colon = rest.indexOf(':');
            if (colon < 1 || colon == rest.length() - 1) {
                return Optional.empty();
            }
            return Optional.of(new ClosedCursor(Long.parseLong(rest.substring(0, colon)), rest.substring(colon + 1)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
