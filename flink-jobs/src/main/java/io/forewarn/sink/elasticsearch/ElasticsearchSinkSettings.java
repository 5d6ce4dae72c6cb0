package io.forewarn.sink.elasticsearch;

import java.io.Serializable;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the Elasticsearch sink needs: where the cluster is, how to authenticate, and how to
 * batch, bound and retry bulk requests.
 *
 * <p>Credentials are resolved values (the configuration layer reads them from the environment or
 * from files). They are never logged and never appear in {@link #toString()}.
 */
public final class ElasticsearchSinkSettings implements Serializable {

    private static final long serialVersionUID = 1L;

    public static final int DEFAULT_BULK_MAX_ACTIONS = 1000;
    public static final long DEFAULT_BULK_MAX_BYTES = 5L * 1024 * 1024;
    public static final Duration DEFAULT_FLUSH_INTERVAL = Duration.ofSeconds(1);
    public static final int DEFAULT_MAX_IN_FLIGHT_REQUESTS = 4;
    public static final int DEFAULT_MAX_BUFFERED_REQUESTS = 10_000;
    public static final Duration DEFAULT_RETRY_BACKOFF_INITIAL = Duration.ofMillis(100);
    public static final Duration DEFAULT_RETRY_BACKOFF_MAX = Duration.ofSeconds(30);
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final List<String> endpoints;
    private final String apiKey;
    private final String username;
    private final String password;
    private final String caCertificatePath;
    private final int bulkMaxActions;
    private final long bulkMaxBytes;
    private final Duration flushInterval;
    private final int maxInFlightRequests;
    private final int maxBufferedRequests;
    private final Duration retryBackoffInitial;
    private final Duration retryBackoffMax;
    private final Duration requestTimeout;
    private final boolean flushBufferOnCheckpoint;

    private ElasticsearchSinkSettings(Builder b) {
        this.endpoints = List.copyOf(b.endpoints);
        this.apiKey = b.apiKey;
        this.username = b.username;
        this.password = b.password;
        this.caCertificatePath = b.caCertificatePath;
        this.bulkMaxActions = b.bulkMaxActions;
        this.bulkMaxBytes = b.bulkMaxBytes;
        this.flushInterval = b.flushInterval;
        this.maxInFlightRequests = b.maxInFlightRequests;
        this.maxBufferedRequests = b.maxBufferedRequests;
        this.retryBackoffInitial = b.retryBackoffInitial;
        this.retryBackoffMax = b.retryBackoffMax;
        this.requestTimeout = b.requestTimeout;
        this.flushBufferOnCheckpoint = b.flushBufferOnCheckpoint;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder pre-filled with these settings. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.endpoints.addAll(endpoints);
        b.apiKey = apiKey;
        b.username = username;
        b.password = password;
        b.caCertificatePath = caCertificatePath;
        b.bulkMaxActions = bulkMaxActions;
        b.bulkMaxBytes = bulkMaxBytes;
        b.flushInterval = flushInterval;
        b.maxInFlightRequests = maxInFlightRequests;
        b.maxBufferedRequests = maxBufferedRequests;
        b.retryBackoffInitial = retryBackoffInitial;
        b.retryBackoffMax = retryBackoffMax;
        b.requestTimeout = requestTimeout;
        b.flushBufferOnCheckpoint = flushBufferOnCheckpoint;
        return b;
    }

    /** HTTP or HTTPS base URLs of the cluster's nodes, e.g. {@code https://es-1:9200}. */
    public List<String> endpoints() {
        return endpoints;
    }

    /** The encoded API key ({@code base64(id:key)}), sent as {@code Authorization: ApiKey ...}. */
    public Optional<String> apiKey() {
        return Optional.ofNullable(apiKey);
    }

    public Optional<String> username() {
        return Optional.ofNullable(username);
    }

    public Optional<String> password() {
        return Optional.ofNullable(password);
    }

    /** PEM file with the CA certificate(s) to trust for HTTPS; the JVM's trust store otherwise. */
    public Optional<String> caCertificatePath() {
        return Optional.ofNullable(caCertificatePath);
    }

    /** Most documents in one bulk request. */
    public int bulkMaxActions() {
        return bulkMaxActions;
    }

    /**
     * Most bytes (estimated bulk body size) in one bulk request. A single document larger than this
     * is never sent: it is dead-lettered with reason {@code TOO_LARGE}.
     */
    public long bulkMaxBytes() {
        return bulkMaxBytes;
    }

    /** Longest time a document waits in the buffer before a partial batch is sent. */
    public Duration flushInterval() {
        return flushInterval;
    }

    /**
     * Most bulk requests in flight per sink subtask, retries waiting for their backoff included.
     */
    public int maxInFlightRequests() {
        return maxInFlightRequests;
    }

    /** Most documents buffered per sink subtask; beyond it the sink backpressures. */
    public int maxBufferedRequests() {
        return maxBufferedRequests;
    }

    public Duration retryBackoffInitial() {
        return retryBackoffInitial;
    }

    public Duration retryBackoffMax() {
        return retryBackoffMax;
    }

    /** Connect and socket timeout of one HTTP request. */
    public Duration requestTimeout() {
        return requestTimeout;
    }

    /**
     * Whether a checkpoint waits until every buffered document is acknowledged (default), rather
     * than only the requests in flight with the rest stored in the checkpoint.
     */
    public boolean flushBufferOnCheckpoint() {
        return flushBufferOnCheckpoint;
    }

    @Override
    public String toString() {
        return "ElasticsearchSinkSettings{endpoints="
                + endpoints
                + ", auth="
                + (apiKey != null
                        ? "api-key"
                        : username != null ? "basic(" + username + ")" : "none")
                + ", caCertificatePath="
                + caCertificatePath
                + ", bulkMaxActions="
                + bulkMaxActions
                + ", bulkMaxBytes="
                + bulkMaxBytes
                + ", flushInterval="
                + flushInterval
                + ", maxInFlightRequests="
                + maxInFlightRequests
                + ", maxBufferedRequests="
                + maxBufferedRequests
                + ", retryBackoff="
                + retryBackoffInitial
                + ".."
                + retryBackoffMax
                + ", requestTimeout="
                + requestTimeout
                + ", flushBufferOnCheckpoint="
                + flushBufferOnCheckpoint
                + '}';
    }

    /** Builder with the documented defaults; {@link #build()} validates. */
    public static final class Builder {
        private final List<String> endpoints = new ArrayList<>();
        private String apiKey;
        private String username;
        private String password;
        private String caCertificatePath;
        private int bulkMaxActions = DEFAULT_BULK_MAX_ACTIONS;
        private long bulkMaxBytes = DEFAULT_BULK_MAX_BYTES;
        private Duration flushInterval = DEFAULT_FLUSH_INTERVAL;
        private int maxInFlightRequests = DEFAULT_MAX_IN_FLIGHT_REQUESTS;
        private int maxBufferedRequests = DEFAULT_MAX_BUFFERED_REQUESTS;
        private Duration retryBackoffInitial = DEFAULT_RETRY_BACKOFF_INITIAL;
        private Duration retryBackoffMax = DEFAULT_RETRY_BACKOFF_MAX;
        private Duration requestTimeout = DEFAULT_REQUEST_TIMEOUT;
        private boolean flushBufferOnCheckpoint = true;

        private Builder() {}

        /** Replaces the endpoints. */
        public Builder endpoints(List<String> urls) {
            endpoints.clear();
            endpoints.addAll(urls);
            return this;
        }

        public Builder endpoint(String url) {
            endpoints.add(url);
            return this;
        }

        public Builder apiKey(String encodedApiKey) {
            this.apiKey = encodedApiKey;
            return this;
        }

        public Builder basicAuth(String username, String password) {
            this.username = username;
            this.password = password;
            return this;
        }

        public Builder caCertificatePath(String pemPath) {
            this.caCertificatePath = pemPath;
            return this;
        }

        public Builder bulkMaxActions(int bulkMaxActions) {
            this.bulkMaxActions = bulkMaxActions;
            return this;
        }

        public Builder bulkMaxBytes(long bulkMaxBytes) {
            this.bulkMaxBytes = bulkMaxBytes;
            return this;
        }

        public Builder flushInterval(Duration flushInterval) {
            this.flushInterval = flushInterval;
            return this;
        }

        public Builder maxInFlightRequests(int maxInFlightRequests) {
            this.maxInFlightRequests = maxInFlightRequests;
            return this;
        }

        public Builder maxBufferedRequests(int maxBufferedRequests) {
            this.maxBufferedRequests = maxBufferedRequests;
            return this;
        }

        public Builder retryBackoff(Duration initial, Duration max) {
            this.retryBackoffInitial = initial;
            this.retryBackoffMax = max;
            return this;
        }

        public Builder requestTimeout(Duration requestTimeout) {
            this.requestTimeout = requestTimeout;
            return this;
        }

        public Builder flushBufferOnCheckpoint(boolean flushBufferOnCheckpoint) {
            this.flushBufferOnCheckpoint = flushBufferOnCheckpoint;
            return this;
        }

        /**
         * Validates and builds.
         *
         * @throws IllegalArgumentException naming the first setting that is wrong
         */
        public ElasticsearchSinkSettings build() {
            require(!endpoints.isEmpty(), "at least one Elasticsearch endpoint is required");
            for (String endpoint : endpoints) {
                validateEndpoint(endpoint);
            }
            require(
                    apiKey == null || username == null,
                    "configure either an API key or a username and password, not both");
            require(apiKey == null || !apiKey.isBlank(), "the API key is empty");
            require(
                    username == null || (password != null && !username.isBlank()),
                    "basic authentication needs a non-empty username and a password");
            require(bulkMaxActions > 0, "bulk max actions must be positive, was " + bulkMaxActions);
            require(bulkMaxBytes > 0, "bulk max bytes must be positive, was " + bulkMaxBytes);
            require(
                    maxInFlightRequests > 0,
                    "max in-flight requests must be positive, was " + maxInFlightRequests);
            require(
                    maxBufferedRequests > bulkMaxActions,
                    "max buffered requests ("
                            + maxBufferedRequests
                            + ") must be greater than bulk max actions ("
                            + bulkMaxActions
                            + ")");
            requirePositive(flushInterval, "flush interval");
            requirePositive(retryBackoffInitial, "retry backoff initial");
            requirePositive(retryBackoffMax, "retry backoff max");
            requirePositive(requestTimeout, "request timeout");
            require(
                    retryBackoffInitial.compareTo(retryBackoffMax) <= 0,
                    "retry backoff initial ("
                            + retryBackoffInitial
                            + ") must not exceed retry backoff max ("
                            + retryBackoffMax
                            + ")");
            return new ElasticsearchSinkSettings(this);
        }

        private static void validateEndpoint(String endpoint) {
            URI uri;
            try {
                uri = URI.create(Objects.requireNonNull(endpoint, "endpoint"));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        "Elasticsearch endpoint '" + endpoint + "' is not a URL", e);
            }
            require(
                    uri.getUserInfo() == null,
                    "Elasticsearch endpoint must not contain credentials; use basic auth settings");
            require(
                    "http".equals(uri.getScheme()) || "https".equals(uri.getScheme()),
                    "Elasticsearch endpoint '"
                            + endpoint
                            + "' must start with http:// or https://");
            require(
                    uri.getHost() != null,
                    "Elasticsearch endpoint '" + endpoint + "' has no host name");
        }

        private static void requirePositive(Duration value, String name) {
            require(
                    value != null && !value.isNegative() && !value.isZero(),
                    name + " must be positive, was " + value);
        }

        private static void require(boolean condition, String message) {
            if (!condition) {
                throw new IllegalArgumentException(message);
            }
        }
    }
}
