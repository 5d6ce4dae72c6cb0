package io.forewarn.logs;

import static org.assertj.core.api.Assertions.assertThat;

import io.forewarn.schema.LogLevel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LevelInferenceTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "Connection refused by db-1|ERROR",
                "Request failed: java.net.SocketTimeoutException: Read timed out|ERROR",
                "java.lang.OutOfMemoryError: Java heap space|ERROR",
                "Kernel panic - not syncing: Fatal exception|FATAL",
                "Retrying request to redis (attempt 2 of 3)|WARN",
                "WARNING: disk 91% full|WARN",
                "Processed order 42 in 7 ms|UNKNOWN",
                "terrorism is not a keyword|UNKNOWN",
            })
    void theMostSevereKeywordDecides(String message, LogLevel expected) {
        assertThat(LevelInference.infer(message)).isEqualTo(expected);
    }

    @Test
    void aDeclaredLevelWins() {
        assertThat(LevelInference.levelOf(LogLevel.INFO, "error count 0")).isEqualTo(LogLevel.INFO);
        assertThat(LevelInference.levelOf(LogLevel.UNKNOWN, "error count 0"))
                .isEqualTo(LogLevel.ERROR);
    }

    @Test
    void unknownIsTheLeastSevere() {
        assertThat(LevelInference.mostSevere(LogLevel.UNKNOWN, LogLevel.DEBUG))
                .isEqualTo(LogLevel.DEBUG);
        assertThat(LevelInference.mostSevere(LogLevel.ERROR, LogLevel.WARN))
                .isEqualTo(LogLevel.ERROR);
        assertThat(LevelInference.mostSevere(LogLevel.INFO, LogLevel.UNKNOWN))
                .isEqualTo(LogLevel.INFO);
    }
}
