package org.linli.sim.demo;

import org.linli.gateway.auth.PasswordHasher;
import org.linli.gateway.config.GridConfig;
import org.linli.gateway.config.SiteConfig;
import org.linli.gateway.config.UserConfig;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Console users for a generated compound: the duty operator {@code duty}/{@code duty123} and one grid worker per grid,
 * logging in with the grid worker's id ({@code gw1}/{@code gw1-123}, ...). Demo passwords, printed in the banner: a
 * real site creates its own with {@code linli hash-password}.
 */
public final class DemoUsers {
    private final SiteConfig site;
    private final Map<String, String> passwords;

    private DemoUsers(SiteConfig site, Map<String, String> passwords) {
        this.site = site;
        this.passwords = passwords;
    }

    public static DemoUsers add(SiteConfig generated) {
        Map<String, String> passwords = new LinkedHashMap<>();
        List<UserConfig> users = new ArrayList<>();
        passwords.put("duty", "duty123");
        users.add(UserConfig.operator("duty", "社区值班员", PasswordHasher.hash("duty123".toCharArray())));
        for (GridConfig g : generated.grids()) {
            String id = g.worker().id();
            String password = id + "-123";
            passwords.put(id, password);
            users.add(UserConfig.gridWorker(id, g.worker().name(), g.id(), PasswordHasher.hash(password.toCharArray())));
        }
        SiteConfig s = generated;
        return new DemoUsers(s.withUsers(users), passwords);
    }

    /** The site with its users section. */
    public SiteConfig site() {
        return site;
    }

    public String password(String user) {
        return passwords.get(user);
    }

    /** One line per user for the banner: who logs in with what, and what they see. */
    public List<String> lines() {
        List<String> out = new ArrayList<>();
        for (UserConfig u : site.users()) {
            out.add(String.format("%-6s / %-9s %s", u.id(), passwords.get(u.id()),
                    u.grid() == null ? "operator: every alert" : "grid worker " + u.name() + ": alerts of "
                            + site.grids().stream().filter(g -> g.id().equals(u.grid())).map(g -> g.name())
                                    .filter(n -> n != null).findFirst().orElse(u.grid()) + " (" + u.grid() + ")"));
        }
        return out;
    }
}
