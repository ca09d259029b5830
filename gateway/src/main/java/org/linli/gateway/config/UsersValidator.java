package org.linli.gateway.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks the {@code users:} section: unique ids, a role (its value is bound by {@link Role}), a grid that exists for a
 * grid worker. The password hashes are checked by {@code auth.PasswordHashCheck}, which knows their format.
 */
final class UsersValidator {
    private UsersValidator() {
    }

    /** Problems as "path: what"; {@code where} places a path in the file ("line 12") for "first at". */
    static List<String> check(List<UserConfig> users, List<GridConfig> grids, Function<String, String> where) {
        List<String> problems = new ArrayList<>();
        if (users == null) {
            return problems;
        }
        if (users.isEmpty()) {
            problems.add("users: lists nobody: remove the section to run without login, or add a user");
        }
        Set<String> gridIds = new HashSet<>();
        grids.forEach(g -> gridIds.add(g.id()));
        Map<String, String> ids = new HashMap<>();
        for (int i = 0; i < users.size(); i++) {
            UserConfig u = users.get(i);
            String at = "users[" + i + "]";
            if (u.id() == null || u.id().isBlank()) {
                problems.add(at + ".id: missing");
            } else if (ids.putIfAbsent(u.id(), at + ".id") != null) {
                problems.add(at + ".id: user '" + u.id() + "' is listed twice; first at " + where.apply(ids.get(u.id())));
            }
            if (u.name() == null || u.name().isBlank()) {
                problems.add(at + ".name: missing");
            }
            if (u.role() == null) {
                problems.add(at + ".role: missing: one of " + ConfigEnums.ids(Role.class));
            } else if (u.role() == Role.GRID_WORKER) {
                if (u.grid() == null || u.grid().isBlank()) {
                    problems.add(at + ".grid: missing: a grid worker sees the alerts of one grid");
                } else if (!gridIds.contains(u.grid())) {
                    problems.add(at + ".grid: no grid '" + u.grid() + "' in grids");
                }
            }
        }
        return problems;
    }
}
