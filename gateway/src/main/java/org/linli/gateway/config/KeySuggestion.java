package org.linli.gateway.config;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * "Did you mean": the known word closest to a misspelt one by edit distance (insertions, deletions, substitutions and
 * swaps of neighbours, case ignored), if it is close enough to be the likely intent. Stateless; any thread.
 */
final class KeySuggestion {
    private KeySuggestion() {
    }

    /** The closest of {@code known} to {@code written}, if at most a third of its letters (at least 1, at most 3) differ. */
    static Optional<String> closest(String written, Collection<String> known) {
        String w = written.toLowerCase(Locale.ROOT);
        int allowed = Math.max(1, Math.min(3, w.length() / 3));
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String k : known) {
            int d = distance(w, k.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                best = k;
                bestDistance = d;
            }
        }
        return best != null && bestDistance <= allowed ? Optional.of(best) : Optional.empty();
    }

    /** "did you mean 'x'? " (to open a parenthesis of allowed values), or "" when no known word is close. */
    static String hint(String written, Collection<String> known) {
        return closest(written, known).map(k -> "did you mean '" + k + "'? ").orElse("");
    }

    /** Optimal string alignment distance; words here are short (keys and vocabulary ids). */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
