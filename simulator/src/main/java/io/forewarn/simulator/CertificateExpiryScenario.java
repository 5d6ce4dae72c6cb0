package io.forewarn.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;

/**
 * A TLS certificate about to expire with its renewal failing. At {@code onset} a service reloads a
 * certificate that expires {@code validFor} later (a manual renewal picked a short-lived
 * certificate of the staging issuer); its probe shows the short validity from then on, and every
 * automatic renewal attempt fails (the ACME account is rate limited). When it expires, clients' TLS
 * handshakes fail (the incident) until the renewal finally succeeds {@code renewedAfter} later.
 */
public final class CertificateExpiryScenario implements Scenario {

    private static final long RENEWAL_EVERY = Duration.ofMinutes(15).toMillis();

    private final String service;
    private final long onset;
    private final long expiresAt;
    private final long renewedAt;
    private boolean loaded;
    private boolean expired;
    private boolean renewed;
    private int attempts;

    public CertificateExpiryScenario(
            String service, long onset, Duration validFor, Duration renewedAfter) {
        this.service = service;
        this.onset = onset;
        this.expiresAt = onset + validFor.toMillis();
        this.renewedAt = expiresAt + renewedAfter.toMillis();
    }

    @Override
    public String name() {
        return "certificate-expiry";
    }

    @Override
    public void onTick(long time, FleetState fleet, Emitter emitter) {
        if (time < onset || renewed) {
            return;
        }
        FleetState.ServiceEffects effects = fleet.of(service);
        String host = emitter.hosts(service).get(0);
        String endpoint = Dependencies.endpoint(service);
        if (!loaded) {
            loaded = true;
            effects.certificateNotAfter = expiresAt;
            emitter.log(
                    time,
                    service,
                    host,
                    "INFO",
                    "com.shop.tls.CertificateReloader",
                    String.format(
                            Locale.ROOT,
                            "Loaded TLS certificate CN=%s (serial %x), valid until %s",
                            endpoint,
                            0x10000000L + emitter.random().nextInt(0x0FFFFFFF),
                            Instant.ofEpochMilli(expiresAt)));
        }
        if (time >= renewedAt) {
            renewed = true;
            effects.certificateNotAfter = time + Duration.ofDays(90).toMillis();
            effects.reset();
            emitter.log(
                    time,
                    service,
                    host,
                    "INFO",
                    "com.shop.tls.CertificateRenewer",
                    "Certificate for "
                            + endpoint
                            + " renewed, valid until "
                            + Instant.ofEpochMilli(effects.certificateNotAfter));
            return;
        }
        if (Math.floorMod(time - onset, RENEWAL_EVERY) == RENEWAL_EVERY / 2) {
            attempts++;
            emitter.log(
                    time,
                    service,
                    host,
                    "WARN",
                    "com.shop.tls.CertificateRenewer",
                    String.format(
                            Locale.ROOT,
                            "Certificate renewal for %s failed: ACME order rejected:"
                                    + " urn:ietf:params:acme:error:rateLimited (attempt %d)",
                            endpoint,
                            attempts));
        }
        if (!expired && time >= expiresAt) {
            expired = true;
            effects.errorRatio = 0.25;
            effects.errorTemplate =
                    "TLS handshake failed: javax.net.ssl.SSLHandshakeException: Received fatal"
                            + " alert: certificate_expired (client in %s)";
            emitter.emit(
                    Formats.incident(
                            time,
                            service,
                            null,
                            groundTruth().failureType(),
                            "TLS certificate of " + endpoint + " expired",
                            onset));
        }
    }

    @Override
    public GroundTruth groundTruth() {
        return new GroundTruth(
                name(),
                service,
                null,
                "certificate-expiry",
                onset,
                expiresAt,
                Set.of("error-spike"),
                true,
                "tls_certificate_expiry_seconds");
    }
}
