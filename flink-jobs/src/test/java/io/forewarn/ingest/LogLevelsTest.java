package io.forewarn.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.IntNode;
import io.forewarn.schema.LogLevel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LogLevelsTest {

    @ParameterizedTest
    @CsvSource({
        "trace, TRACE",
        "FINEST, TRACE",
        "debug, DEBUG",
        "Fine, DEBUG",
        "info, INFO",
        "Information, INFO",
        "notice, INFO",
        "WARN, WARN",
        "warning, WARN",
        "Warn, WARN",
        "err, ERROR",
        "ERROR, ERROR",
        "severe, ERROR",
        "critical, FATAL",
        "crit, FATAL",
        "fatal, FATAL",
        "emerg, FATAL",
        "panic, FATAL",
        "' info ', INFO",
        "0, FATAL",
        "2, FATAL",
        "3, ERROR",
        "4, WARN",
        "5, INFO",
        "6, INFO",
        "7, DEBUG",
        "10, TRACE",
        "30, INFO",
        "50, ERROR",
        "60, FATAL",
        "8, UNKNOWN",
        "verbose, UNKNOWN",
        "'', UNKNOWN"
    })
    void names(String raw, LogLevel expected) {
        assertThat(LogLevels.normalise(raw)).isEqualTo(expected);
    }

    @Test
    void jsonNumbers() {
        assertThat(LogLevels.normalise(IntNode.valueOf(3))).isEqualTo(LogLevel.ERROR);
        assertThat(LogLevels.normalise(IntNode.valueOf(40))).isEqualTo(LogLevel.WARN);
        assertThat(LogLevels.normalise(IntNode.valueOf(45))).isEqualTo(LogLevel.UNKNOWN);
    }
}
