package io.forewarn.simulator;

import java.time.Duration;
import java.util.SplittableRandom;

/**
 * The incident scenarios by name, with realistic durations: a memory leak takes 1.5 to 2 hours to
 * kill its JVM, a disk fills in 2.5 to 3 hours, a dependency outage cascades in 22 to 30 minutes, a
 * connection leak exhausts its pool in about 50 minutes, a certificate expires 3 to 4 hours after
 * it was loaded, latency creeps for 80 to 110 minutes; a bad deployment fails 12 minutes after it
 * rolls out.
 */
public final class IncidentCatalog {

    private static final long MINUTE = Duration.ofMinutes(1).toMillis();

    private IncidentCatalog() {}

    /**
     * A scenario by name on a service, its onset at or after {@code earliest}; onset offset, host
     * and durations drawn from {@code r}.
     */
    public static Scenario create(String name, String service, long earliest, SplittableRandom r) {
        String host = service + "-" + (1 + r.nextInt(2));
        switch (name) {
            case "memory-leak":
                return new MemoryLeakScenario(
                        service,
                        host,
                        earliest + minutes(r, 0, 40),
                        Duration.ofMinutes(90 + r.nextInt(31)));
            case "disk-fill":
                return new DiskFillScenario(
                        service,
                        host,
                        earliest + minutes(r, 0, 30),
                        (DiskFillScenario.FULL - DiskFillScenario.NORMAL)
                                / ((150 + r.nextInt(31)) / 60.0));
            case "bad-deployment":
                return new BadDeploymentScenario(
                        service,
                        earliest + minutes(r, 30, 120),
                        Duration.ofMinutes(12),
                        Duration.ofMinutes(20),
                        "2." + (3 + r.nextInt(6)) + ".0");
            case "dependency-outage":
                {
                    int failure = 22 + r.nextInt(9);
                    return new DependencyOutageScenario(
                            service,
                            earliest + minutes(r, 20, 110),
                            Duration.ofMinutes(failure),
                            Duration.ofMinutes(failure + 20));
                }
            case "connection-pool-exhaustion":
                {
                    int saturate = 35 + r.nextInt(11);
                    int failure = saturate + 10 + r.nextInt(5);
                    return new ConnectionPoolExhaustionScenario(
                            service,
                            earliest + minutes(r, 0, 60),
                            Duration.ofMinutes(saturate),
                            Duration.ofMinutes(failure),
                            Duration.ofMinutes(failure + 15));
                }
            case "certificate-expiry":
                return new CertificateExpiryScenario(
                        service,
                        earliest + minutes(r, 0, 30),
                        Duration.ofMinutes(180 + r.nextInt(61)),
                        Duration.ofMinutes(30));
            case "latency-creep":
                return new LatencyCreepScenario(
                        service,
                        earliest + minutes(r, 0, 60),
                        Duration.ofMinutes(80 + r.nextInt(31)),
                        Duration.ofMinutes(20));
            default:
                throw new IllegalArgumentException("Unknown incident " + name);
        }
    }

    private static long minutes(SplittableRandom r, int from, int to) {
        return (from + r.nextInt(to - from + 1)) * MINUTE;
    }
}
