package io.forewarn.simulator;

import java.util.List;
import java.util.Map;

/**
 * The external dependencies of the simulated services: each service calls one external API of its
 * own (so an outage of it affects that service only) and the shared database.
 */
public final class Dependencies {

    /** The database every service uses. */
    public static final String DATABASE = "postgres";

    private static final Map<String, String> EXTERNAL =
            Map.of(
                    "checkout", "payments-gateway",
                    "payments", "stripe-api",
                    "search", "search-cluster",
                    "inventory", "warehouse-api",
                    "frontend", "cdn-origin",
                    "orders", "tax-service",
                    "notifications", "sendgrid-api",
                    "billing", "ledger-api");

    private Dependencies() {}

    /** The external API a service calls. */
    public static String external(String service) {
        return EXTERNAL.getOrDefault(service, service + "-upstream");
    }

    /** Every dependency of a service, the external one first. */
    public static List<String> of(String service) {
        return List.of(external(service), DATABASE);
    }

    /** Typical response time of a dependency, in milliseconds. */
    static double typicalLatencyMs(String dependency) {
        return DATABASE.equals(dependency) ? 4 : 120;
    }

    /** The public host name of a service's TLS endpoint. */
    public static String endpoint(String service) {
        return service + ".shop.example";
    }
}
