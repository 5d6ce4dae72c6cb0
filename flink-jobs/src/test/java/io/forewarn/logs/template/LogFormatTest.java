package io.forewarn.logs.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LogFormatTest {

    @Test
    void extractsNamedFieldsAndContent() {
        LogFormat f = LogFormat.compile("<Date> <Time> <Level> <Component>: <Content>");
        LogFormat.ParsedLine p =
                f.parse(
                        "17/06/09 20:10:40 INFO spark.SecurityManager: Changing view acls to:"
                                + " yarn,curi");

        assertThat(p.matched()).isTrue();
        assertThat(p.content()).isEqualTo("Changing view acls to: yarn,curi");
        assertThat(p.fields())
                .containsEntry("Date", "17/06/09")
                .containsEntry("Time", "20:10:40")
                .containsEntry("Level", "INFO")
                .containsEntry("Component", "spark.SecurityManager");
        assertThat(f.fieldNames()).containsExactly("Date", "Time", "Level", "Component", "Content");
    }

    @Test
    void supportsOptionalRegexGroups() {
        LogFormat f =
                LogFormat.compile(
                        "<Month> <Date> <Time> <Level> <Component>(\\[<PID>\\])?: <Content>");

        LogFormat.ParsedLine withPid =
                f.parse("Jun 14 15:16:01 combo sshd(pam_unix)[19939]: check pass; user unknown");
        assertThat(withPid.fields())
                .containsEntry("Component", "sshd(pam_unix)")
                .containsEntry("PID", "19939");
        assertThat(withPid.content()).isEqualTo("check pass; user unknown");

        LogFormat.ParsedLine withoutPid =
                f.parse("Jul  1 09:00:55 combo kernel: Linux version 2.6.5");
        assertThat(withoutPid.matched()).isTrue();
        assertThat(withoutPid.fields())
                .containsEntry("Component", "kernel")
                .containsEntry("PID", "");
        assertThat(withoutPid.content()).isEqualTo("Linux version 2.6.5");
    }

    @Test
    void supportsEscapedSeparatorsAndRunsOfSpaces() {
        LogFormat pipes = LogFormat.compile("<Time>\\|<Component>\\|<Pid>\\|<Content>");
        assertThat(
                        pipes.parse(
                                        "20171223-22:15:29:606|Step_LSC|30002312|onStandStepChanged"
                                                + " 3579")
                                .content())
                .isEqualTo("onStandStepChanged 3579");

        LogFormat spaced =
                LogFormat.compile(
                        "<Date> <Time>, <Level>                  <Component>    <Content>");
        LogFormat.ParsedLine p =
                spaced.parse(
                        "2016-09-28 04:30:31, Info                  CSI    00000002@2016/9/27"
                                + " Begin");
        assertThat(p.fields()).containsEntry("Level", "Info").containsEntry("Component", "CSI");
        assertThat(p.content()).isEqualTo("00000002@2016/9/27 Begin");
    }

    @Test
    void lineThatDoesNotFitIsReturnedWholeAndFlagged() {
        LogFormat f = LogFormat.compile("\\[<Time>\\] <Program> - <Content>");
        LogFormat.ParsedLine p = f.parse("  garbage without header  ");

        assertThat(p.matched()).isFalse();
        assertThat(p.content()).isEqualTo("garbage without header");
        assertThat(p.fields()).isEmpty();
    }

    @Test
    void formatWithoutContentIsRejected() {
        assertThatThrownBy(() -> LogFormat.compile("<Date> <Time>"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("<Content>");
    }

    @Test
    void aFieldInsideACharacterClassIsRejected() {
        assertThatThrownBy(() -> LogFormat.compile("<Month> <Date> ([<PID>])?: <Content>"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("character class");
    }
}
