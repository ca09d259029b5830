package org.linli.archive.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Which part of the district a query covers: the whole district, a street, a community, a compound or one grid of a
 * compound (grid ids are the compound's own). Turns itself into a SQL condition on the archive's columns.
 */
public record ArchiveScope(Level level, String street, String community, String compound, String grid) {
    public enum Level { DISTRICT, STREET, COMMUNITY, COMPOUND, GRID }

    public ArchiveScope {
        Objects.requireNonNull(level, "level");
    }

    public static ArchiveScope district() {
        return new ArchiveScope(Level.DISTRICT, null, null, null, null);
    }

    public static ArchiveScope street(String street) {
        return new ArchiveScope(Level.STREET, Objects.requireNonNull(street, "street"), null, null, null);
    }

    public static ArchiveScope community(String community) {
        return new ArchiveScope(Level.COMMUNITY, null, Objects.requireNonNull(community, "community"), null, null);
    }

    public static ArchiveScope compound(String compound) {
        return new ArchiveScope(Level.COMPOUND, null, null, Objects.requireNonNull(compound, "compound"), null);
    }

    public static ArchiveScope grid(String compound, String grid) {
        return new ArchiveScope(Level.GRID, null, null, Objects.requireNonNull(compound, "compound"),
                Objects.requireNonNull(grid, "grid"));
    }

    /** {@code AND ...} conditions for a table with street, community, compound (and grid, unless {@code hasGrid} is false). */
    String where(List<Object> params, boolean hasGrid) {
        return switch (level) {
            case DISTRICT -> "";
            case STREET -> bind(params, " AND street = ?", street);
            case COMMUNITY -> bind(params, " AND community = ?", community);
            case COMPOUND -> bind(params, " AND compound = ?", compound);
            case GRID -> hasGrid ? bind(params, " AND compound = ?", compound) + bind(params, " AND grid = ?", grid)
                    : bind(params, " AND compound = ?", compound);
        };
    }

    private static String bind(List<Object> params, String sql, String value) {
        params.add(value);
        return sql;
    }

    static List<Object> params() {
        return new ArrayList<>();
    }
}
