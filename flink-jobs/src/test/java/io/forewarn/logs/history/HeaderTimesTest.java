package io.forewarn.logs.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HeaderTimesTest {

    private final HeaderTimes times = new HeaderTimes(2024);

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "Timestamp=1117838570|2005-06-03T22:42:50Z",
                "Timestamp=1117838570123|2005-06-03T22:42:50.123Z",
                "Timestamp=2024-03-01T10:00:00+02:00|2024-03-01T08:00:00Z",
                "Date=2024-03-01;Time=10:00:00,250|2024-03-01T10:00:00.250Z",
                "Date=2024-03-01;Time=10:00:00.123456|2024-03-01T10:00:00.123Z",
                "Date=17/06/09;Time=20:10:40|2017-06-09T20:10:40Z",
                "Date=081109;Time=203615|2008-11-09T20:36:15Z",
                "Month=Jun;Date=9;Time=06:06:20|2024-06-09T06:06:20Z",
                "Time=07.26 13:30:49|2024-07-26T13:30:49Z",
                "Time=20171224-0:28:0:83|2017-12-24T00:28:00.083Z",
                "Time=2005-06-03-15.42.50.675872|2005-06-03T15:42:50.675Z",
                "Time=1077804742|2004-02-26T14:12:22Z",
                "Date=2024-03-01|2024-03-01T00:00:00Z",
            })
    void readsCommonHeaderLayouts(String fields, String expected) {
        assertThat(times.parse(fields(fields))).isEqualTo(Instant.parse(expected).toEpochMilli());
    }

    @Test
    void unknownLayoutsAndMissingFieldsHaveNoTime() {
        assertThat(times.parse(fields("Time=soon"))).isNull();
        assertThat(times.parse(fields("Component=kernel"))).isNull();
    }

    private static Map<String, String> fields(String spec) {
        Map<String, String> fields = new HashMap<>();
        for (String pair : spec.split(";")) {
            int eq = pair.indexOf('=');
            fields.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        return fields;
    }
}
