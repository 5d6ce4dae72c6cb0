package io.forewarn.demo;

import io.forewarn.simulator.BadDeploymentScenario;
import io.forewarn.simulator.Scenario;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The incidents the demo injects: one every {@code every}, rotating over the services. */
public final class DemoScenarios {

    private DemoScenarios() {}

    public static List<Scenario> schedule(
            List<String> services, long from, long to, Duration firstAfter, Duration every) {
        List<Scenario> scenarios = new ArrayList<>();
        int i = 0;
        for (long t = from + firstAfter.toMillis(); t < to; t += every.toMillis()) {
            String service = services.get(i % services.size());
            scenarios.add(
                    new BadDeploymentScenario(
                            service,
                            t,
                            Duration.ofMinutes(12),
                            Duration.ofMinutes(18),
                            "2." + i + ".0"));
            i++;
        }
        return scenarios;
    }
}
