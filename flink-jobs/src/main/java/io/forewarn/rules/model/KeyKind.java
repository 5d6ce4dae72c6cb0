package io.forewarn.rules.model;

import java.util.Locale;

/**
 * What a rule is evaluated per: its partial matches are kept separately for each value of the key.
 */
public enum KeyKind {
    /** One evaluation per service; every record with a service. */
    SERVICE,
    /** One evaluation per host; records that name a host. */
    HOST,
    /** One evaluation per metric series (name, labels, service and host); metric samples only. */
    SERIES;

    public String yamlName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The routing key of an entity of this kind, e.g. {@code service:checkout}. */
    public String key(String entity) {
        return yamlName() + ":" + entity;
    }

    /** The entity of a routing key: {@code checkout} for {@code service:checkout}. */
    public static String entityOf(String key) {
        int colon = key.indexOf(':');
        return colon < 0 ? key : key.substring(colon + 1);
    }
}
