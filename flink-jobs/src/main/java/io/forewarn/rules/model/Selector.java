package io.forewarn.rules.model;

import java.io.Serializable;
import java.util.Set;

/**
 * Which records a step looks at, decided before any condition runs: the record kind, optionally a
 * set of discriminator values (metric names, log levels, deployment statuses, dependency names or
 * signal kinds) and a set of services. Empty sets mean any.
 *
 * @param kind the record kind
 * @param values discriminator values; empty for any
 * @param services services; empty for any
 */
public record Selector(RecordKind kind, Set<String> values, Set<String> services)
        implements Serializable {

    public Selector {
        values = Set.copyOf(values);
        services = Set.copyOf(services);
    }
}
