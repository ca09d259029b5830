package org.linli.gateway.auth;

import org.linli.gateway.config.SiteCheck;
import org.linli.gateway.config.SiteConfig;
import org.linli.gateway.config.UserConfig;

import java.util.function.BiConsumer;

/**
 * Checks each console user's {@code passwordHash} at load and check-config time: a {@link PasswordHasher} value with
 * enough iterations. Lives with the hasher that knows the format (the config package knows none).
 */
public final class PasswordHashCheck implements SiteCheck {
    @Override
    public void check(SiteConfig config, BiConsumer<String, String> problem) {
        if (config.users() == null) {
            return;
        }
        for (int i = 0; i < config.users().size(); i++) {
            UserConfig u = config.users().get(i);
            String at = "users[" + i + "].passwordHash";
            var hash = PasswordHasher.parse(u.passwordHash());
            if (hash.isEmpty()) {
                problem.accept(at, "not a " + PasswordHasher.SCHEME
                        + "$<iterations>$<salt>$<hash> value: create one with 'linli hash-password'");
            } else if (hash.get().iterations() < PasswordHasher.MIN_ITERATIONS) {
                problem.accept(at, hash.get().iterations() + " iterations, at least "
                        + PasswordHasher.MIN_ITERATIONS + " needed: create a new one with 'linli hash-password'");
            }
        }
    }
}
