package org.linli.gateway.config;

import org.yaml.snakeyaml.LoaderOptions;

import java.util.Optional;

/**
 * The bounds on a site file, checked before the YAML parser sees it, and the SnakeYAML limits both the duplicate-key
 * pass and the Jackson binding run with. A realistic 1,500-household compound's file is well under 1 MiB.
 * <p>
 * The line bound exists because SnakeYAML's reader copies its whole look-ahead window on every 1,024 characters
 * while it scans one token, and a token ends at the latest at a line break: the cost of a line grows with the
 * square of its length (a 4 MB single-line scalar took 10 s). Stateless; any thread.
 */
public final class SiteFileLimits {
    /** Largest site file, in bytes (UTF-8), checked on the file's size before it is read. */
    public static final int MAX_FILE_BYTES = 4 * 1024 * 1024;
    /** Longest line, in characters: site files have lines of tens of characters, a flow list of a few thousand. */
    public static final int MAX_LINE_CHARS = 64 * 1024;
    /** Deepest nesting of mappings and sequences: a site file needs about 10. */
    public static final int MAX_NESTING_DEPTH = 50;
    /** Aliases to mappings or sequences per file: none of the shipped files uses one; a few may share a block. */
    public static final int MAX_ALIASES_FOR_COLLECTIONS = 50;

    private SiteFileLimits() {
    }

    /** The problem if a file of {@code bytes} bytes is too large to read, else empty. */
    public static Optional<String> checkSize(long bytes) {
        if (bytes <= MAX_FILE_BYTES) {
            return Optional.empty();
        }
        return Optional.of(String.format("the file is %s (%,d bytes); a site file may be at most %s (%,d bytes)",
                mib(bytes), bytes, mib(MAX_FILE_BYTES), MAX_FILE_BYTES));
    }

    /** The problem when a file whose size was not known beforehand (a pipe) turned out larger than allowed. */
    public static String tooLargeWhileReading() {
        return String.format("the file is larger than %s (%,d bytes), the most a site file may be",
                mib(MAX_FILE_BYTES), MAX_FILE_BYTES);
    }

    /** The problem if the text is too long or has a line over {@link #MAX_LINE_CHARS}, else empty. One pass. */
    public static Optional<String> checkText(String text) {
        if (text.length() > MAX_FILE_BYTES) {
            return Optional.of(String.format("the file is %,d characters long; a site file may be at most %,d",
                    text.length(), MAX_FILE_BYTES));
        }
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : '\n';
            // The line breaks SnakeYAML counts: \n, \r (\r\n once), NEL, LS, PS.
            if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
                if (i - lineStart > MAX_LINE_CHARS) {
                    return Optional.of(String.format("line %d is %,d characters long; a line may be at most %,d",
                            line, i - lineStart, MAX_LINE_CHARS));
                }
                if (!(c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n')) {
                    line++;
                }
                lineStart = i + 1;
            }
        }
        return Optional.empty();
    }

    /** SnakeYAML's options with the bounds above; a new instance per parser, as SnakeYAML's are mutable. */
    static LoaderOptions loaderOptions() {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(MAX_FILE_BYTES);
        options.setNestingDepthLimit(MAX_NESTING_DEPTH);
        options.setMaxAliasesForCollections(MAX_ALIASES_FOR_COLLECTIONS);
        options.setAllowRecursiveKeys(false);
        return options;
    }

    private static String mib(long bytes) {
        return bytes >= 1024L * 1024 * 1024 ? String.format("%.1f GiB", bytes / (1024.0 * 1024 * 1024))
                : String.format("%.1f MiB", bytes / (1024.0 * 1024));
    }
}
