package io.forewarn.simulator;

import java.util.Locale;
import java.util.SplittableRandom;

/** The log lines of a Spring Boot service stopping and starting, shared by several scenarios. */
final class Restarts {

    private Restarts() {}

    static void shutdownLines(long time, String service, String host, Scenario.Emitter emitter) {
        emitter.log(
                time,
                service,
                host,
                "INFO",
                "com.shop.Application",
                "Received SIGTERM: shutting down gracefully, waiting for active requests");
        emitter.log(
                time + 300,
                service,
                host,
                "INFO",
                "com.zaxxer.hikari.HikariDataSource",
                "HikariPool-1 - Shutdown completed.");
    }

    static void startupLines(
            long time, String service, String host, String version, Scenario.Emitter emitter) {
        SplittableRandom random = emitter.random();
        emitter.log(
                time,
                service,
                host,
                "INFO",
                "com.shop.Application",
                String.format(
                        Locale.ROOT,
                        "Starting ShopApplication v%s using Java 17.0.13 with PID %d",
                        version,
                        1 + random.nextInt(30_000)));
        emitter.log(
                time + 400,
                service,
                host,
                "INFO",
                "com.zaxxer.hikari.HikariDataSource",
                "HikariPool-1 - Start completed.");
        double seconds = 9 + 6 * random.nextDouble();
        emitter.log(
                time + 700,
                service,
                host,
                "INFO",
                "com.shop.Application",
                String.format(
                        Locale.ROOT,
                        "Started ShopApplication in %.3f seconds (process running for %.3f)",
                        seconds,
                        seconds + 0.8));
    }
}
