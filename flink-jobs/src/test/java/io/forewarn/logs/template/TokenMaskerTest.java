package io.forewarn.logs.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.StringJoiner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TokenMaskerTest {

    private static String mask(String line) {
        return mask(MaskingConfig.defaults(), line);
    }

    /** Masked tokens joined by " | " so that token boundaries are visible. */
    private static String mask(MaskingConfig config, String line) {
        TokenBuffer b = new TokenBuffer();
        new TokenMasker(config).tokenize(line, b);
        StringJoiner j = new StringJoiner(" | ");
        for (int i = 0; i < b.size; i++) {
            j.add(b.masked(i));
        }
        return j.toString();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = ';',
            value = {
                // numbers
                "count 42 done; count | <*> | done",
                "delta -7 ratio 0.25; delta | <*> | ratio | <*>",
                "used 16K of 126MB; used | <*> | of | <*>",
                // hex
                "at 0x1F and ffff3000; at | <*> | and | <*>",
                // versions
                "version 6.1.7601.23505 v2.0; version | <*> | <*>",
                // identifiers with several digits, but not single-digit names
                "block blk_-1234567 on storage1024 via alt0; block | <*> | on | <*> | via | alt0",
                "Found block rdd_11_0 locally; Found | block | <*> | locally",
                // IPs and ports
                "from 10.0.0.1:8080 to /10.1.2.3; from | <*> | to | <*>",
                "10.250.10.144:50010:Got exception; <*>:Got | exception",
                "peer [fe80::1] and 2001:db8::8a2e:370:7334; peer | [<*>] | and | <*>",
                // host names
                "host proxy.example.com:443 and 061092085098.ctinets.com but a.b.com; host | <*> |"
                        + " and | <*> | but | a.b.com",
                // UUIDs and MAC addresses
                "id 123e4567-e89b-12d3-a456-426614174000 mac 00:1A:2B:3C:4D:5E; id | <*> | mac |"
                        + " <*>",
                // paths
                "file /var/log/x.log and C:\\Temp\\a.txt and ./run.sh; file | <*> | and | <*> | and"
                        + " | <*>",
                "chdir(/p/gb1/stella) failed; chdir(<*>) | failed",
                "allocate /user/root/part-00487. now; allocate | <*> | now",
                // URLs and e-mail
                "get https://example.com/a?b=1 for john.doe@example.org; get | <*> | for | <*>",
                // timestamps, single and multi-word
                "at 2024-01-02T03:04:05Z and 12:30:01; at | <*> | and | <*>",
                "connection at Tue Jul 26 05:47:42 2005 ok; connection | at | <*> | ok",
                "status=M Sat Sep 17 07:49:04 PDT 2005; status=M | <*>",
                "2016/9/27:20:30:31.455 begin; <*>/<*>/<*>:<*>:<*>:<*> | begin",
                // sizes and durations
                "sent 474 bytes (3.9 KB) received 12 MB; sent | <*> | received | <*>",
                "size 93.0 B, free 317.1 KB); size | <*>, | free | <*>)",
                "took 42 ms, lifetime <1 sec; took | <*>, | lifetime | <*>",
                "over 198 seconds; over | <*> | seconds",
                // quoted strings with digits or paths; plain quoted words stay
                "task 'attempt_1_2' node '/udev/vcs2' service 'spark'; task | '<*>' | node | '<*>'"
                        + " | service | 'spark'",
                "Component \\042SCSI-1:2\\042 state; Component | \\042<*>\\042 | state",
                // booleans and key=value
                "enabled true flag=FALSE obj=null; enabled | <*> | flag=<*> | obj=<*>",
                "uid=0 user=root steps=1514##7007 tty=:0; uid=<*> | user=root | steps=<*> |"
                        + " tty=:<*>",
                "type=40002,6724.0,old=7163.0; type=<*>,<*>,old=<*>",
                "r24=0x0ffea4c8 (0=sup,1=usr); r24=<*> | (<*>=sup,<*>=usr)",
                // sub-token variables keep their constant context
                "node node-96 CPU#0 PS/2 core.10019; node | node-<*> | CPU#<*> | PS/<*> | core.<*>",
                "onExtend:1514038530000 0 0; onExtend:<*> | <*> | <*>",
                // punctuation-only tokens are kept
                "Fan speeds ( 3552 **** 3479 ); Fan | speeds | ( | <*> | **** | <*> | )",
            })
    void masksVariableClasses(String line, String expected) {
        assertThat(mask(line)).isEqualTo(expected);
    }

    @Test
    void emptyAndBlankLinesHaveNoTokens() {
        assertThat(mask("")).isEmpty();
        assertThat(mask(" \t ")).isEmpty();
    }

    @Test
    void rulesCanBeDisabledPerSource() {
        MaskingConfig noSizes =
                MaskingConfig.defaults().toBuilder()
                        .disable(MaskRule.SIZE, MaskRule.DURATION, MaskRule.BOOLEAN)
                        .build();
        assertThat(mask(noSizes, "sent 474 bytes in 3 ms ok true"))
                .isEqualTo("sent | <*> | bytes | in | <*> | ms | ok | true");
        MaskingConfig noIdentifiers =
                MaskingConfig.defaults().toBuilder().disable(MaskRule.IDENTIFIER).build();
        assertThat(mask(noIdentifiers, "domain storage1024")).isEqualTo("domain | storage1024");
    }

    @Test
    void extraPatternsMaskWholeTokens() {
        MaskingConfig tickets = MaskingConfig.builder().addPattern("TCK-[A-Z]+").build();
        assertThat(mask(tickets, "ticket TCK-ABC closed")).isEqualTo("ticket | <*> | closed");
        assertThat(mask("ticket TCK-ABC closed")).isEqualTo("ticket | TCK-ABC | closed");
    }

    @Test
    void identifierDigitThresholdIsConfigurable() {
        MaskingConfig strict = MaskingConfig.builder().identifierMinDigits(1).build();
        assertThat(mask(strict, "via alt0")).isEqualTo("via | <*>");
    }

    @Test
    void hashOfMaskedTokenEqualsHashOfItsText() {
        TokenBuffer b = new TokenBuffer();
        new TokenMasker(MaskingConfig.defaults()).tokenize("node-96 x=5 plain", b);
        for (int i = 0; i < b.size; i++) {
            assertThat(b.hash[i]).isEqualTo(Hashing.hash(b.masked(i)));
        }
        assertThat(b.shape)
                .startsWith(TokenBuffer.PARTIAL, TokenBuffer.PARTIAL, TokenBuffer.CONSTANT);
    }

    @Test
    void nonAsciiTextIsConstantAndUnicodeSpacesSplit() {
        assertThat(mask("Größe\u00a0überschritten 5")).isEqualTo("Größe | überschritten | <*>");
    }
}
