package io.forewarn.sink.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ExponentialBackoffTest {

    @Test
    void doublesUpToTheMaximumAndStartsOverAfterASuccess() {
        ExponentialBackoff backoff =
                new ExponentialBackoff(Duration.ofMillis(100), Duration.ofMillis(1000));

        assertThat(backoff.nextDelayMillis()).isEqualTo(100);
        assertThat(backoff.nextDelayMillis()).isEqualTo(200);
        assertThat(backoff.nextDelayMillis()).isEqualTo(400);
        assertThat(backoff.nextDelayMillis()).isEqualTo(800);
        assertThat(backoff.nextDelayMillis()).isEqualTo(1000);
        assertThat(backoff.consecutiveFailures()).isEqualTo(5);
        for (int i = 0; i < 100; i++) {
            assertThat(backoff.nextDelayMillis()).isEqualTo(1000);
        }

        backoff.reset();

        assertThat(backoff.consecutiveFailures()).isZero();
        assertThat(backoff.nextDelayMillis()).isEqualTo(100);
    }

    @Test
    void refusesAnInitialDelayAboveTheMaximum() {
        assertThatThrownBy(
                        () -> new ExponentialBackoff(Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
