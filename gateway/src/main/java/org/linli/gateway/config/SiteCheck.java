package org.linli.gateway.config;

import java.util.function.BiConsumer;

/**
 * A check of a bound site file that needs knowledge outside this package: care flags ({@code site}), password hashes
 * ({@code auth}), serial profile files ({@code serial}). The domain packages implement it, so that {@code config}
 * depends on none of them; {@code sitefile.SiteFiles} passes them to {@link ConfigLoader}, which runs them after its
 * own checks and reports their problems in the same list. Runs once, on the thread loading the file.
 */
@FunctionalInterface
public interface SiteCheck {
    /** Reports each problem of {@code config} as (path in the file, what is wrong and the fix). */
    void check(SiteConfig config, BiConsumer<String, String> problem);

    /** The path of device {@code i} in problems, as every check writes it: {@code devices[3] (gas-3-2-501)}. */
    static String devicePath(int i, DeviceConfig d) {
        return "devices[" + i + "]" + (d.id() == null ? "" : " (" + d.id() + ")");
    }
}
