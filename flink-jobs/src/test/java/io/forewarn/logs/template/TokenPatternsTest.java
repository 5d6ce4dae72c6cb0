package io.forewarn.logs.template;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TokenPatternsTest {

    @Test
    void globTreatsWildcardAsAnyText() {
        assertThat(TokenPatterns.globMatches("(<*>)", "()")).isTrue();
        assertThat(TokenPatterns.globMatches("(<*>)", "(host.example)")).isTrue();
        assertThat(TokenPatterns.globMatches("a<*>b<*>c", "a12b34c")).isTrue();
        assertThat(TokenPatterns.globMatches("(<*>)", "(x")).isFalse();
        assertThat(TokenPatterns.globMatches("uid=<*>", "LOGIN(uid=0)")).isFalse();
    }

    @Test
    void classifiesDifferences() {
        assertThat(TokenPatterns.isSoftDifference("<*>", "alice")).as("masked value").isTrue();
        assertThat(TokenPatterns.isSoftDifference("(<*>)", "()")).as("glob").isTrue();
        assertThat(TokenPatterns.isSoftDifference("tty=<*>", "tty=NODEVssh")).as("glob").isTrue();
        assertThat(TokenPatterns.isSoftDifference("alice", "bob")).as("two words").isFalse();
        assertThat(TokenPatterns.isSoftDifference("(uid=<*>)", "LOGIN(uid=<*>)"))
                .as("two shapes")
                .isFalse();
        assertThat(TokenPatterns.isSoftDifference("****", "<*>")).as("structural").isFalse();
        assertThat(TokenPatterns.isSoftDifference("ambient=<*>", "running")).isFalse();
    }

    @Test
    void generalisationKeepsCommonAffixesAtDelimiters() {
        assertThat(TokenPatterns.generalize("()", "()", "(<*>)")).containsExactly("(", ")");
        assertThat(TokenPatterns.generalize("user=root", "user=root", "user=guest"))
                .containsExactly("user=", "");
        assertThat(TokenPatterns.generalize("node-<*>", "node-<*>", "node-abc"))
                .containsExactly("node-", "");
        assertThat(
                        TokenPatterns.generalize(
                                "cluster_root_backup", "cluster_root_backup", "cluster_usr_backup"))
                .isNull();
        assertThat(TokenPatterns.generalize("alice", "alice", "<*>")).isNull();
    }
}
