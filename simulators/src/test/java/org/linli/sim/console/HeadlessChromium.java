package org.linli.sim.console;

import org.linli.sim.servers.RequiredTools;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Debian's headless Chromium through its chromedriver, as a phone: what the console tests and benchmark drive. */
final class HeadlessChromium {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private HeadlessChromium() {
    }

    /** Fails (or skips, as RequiredTools decides) when Chromium or its driver is not installed. */
    static void require() {
        RequiredTools.require("chromium", Files.isExecutable(CHROMIUM));
        RequiredTools.require("chromium-driver", Files.isExecutable(CHROMEDRIVER));
    }

    /** A phone screen: 390 x 844 CSS pixels (iPhone 12-15 class) at twice the density, touch enabled. */
    static WebDriver phone() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--lang=zh-CN");
        options.setExperimentalOption("mobileEmulation", Map.of("deviceMetrics",
                Map.of("width", 390, "height", 844, "pixelRatio", 2.0, "touch", true)));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString())).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }
}
