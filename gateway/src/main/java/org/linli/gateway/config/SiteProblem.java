package org.linli.gateway.config;

import java.util.Comparator;

/**
 * One problem of a site file: where it is (1-based line and column, 0 when the problem has no place in the file, such
 * as a missing section), the path of the setting ({@code devices[3] (gas-3-2-501).location}, may be empty) and what is
 * wrong with the fix. Problems are listed sorted by place ({@link #ORDER}), those without a place first. Immutable.
 */
public record SiteProblem(int line, int column, String path, String message) {
    /** File-level problems first, then by line and column, in the order found within one place. */
    public static final Comparator<SiteProblem> ORDER =
            Comparator.comparingInt(SiteProblem::line).thenComparingInt(SiteProblem::column);

    /** A problem with no place in the file. */
    public static SiteProblem unplaced(String path, String message) {
        return new SiteProblem(0, 0, path, message);
    }

    /** "line 35, column 11: site.buildings[2].units[1].flatsPerFloro: unknown key ..." as check-config prints it. */
    public String text() {
        String where = line < 1 ? "" : "line " + line + (column < 1 ? "" : ", column " + column) + ": ";
        return where + (path == null || path.isEmpty() ? "" : path + ": ") + message;
    }
}
