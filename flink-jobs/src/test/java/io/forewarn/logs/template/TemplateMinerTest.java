package io.forewarn.logs.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TemplateMinerTest {

    private final TemplateMiner miner = new TemplateMiner();

    @Test
    void linesDifferingOnlyInMaskedValuesShareATemplate() {
        MiningResult a = miner.mine("Received block blk_1234567 of size 67108864 from /10.0.0.1");
        MiningResult b = miner.mine("Received block blk_-987654 of size 12 from /10.0.0.2");

        assertThat(a.change()).isEqualTo(ChangeType.NEW);
        assertThat(a.template()).isEqualTo("Received block <*> of size <*> from <*>");
        assertThat(a.parameters()).containsExactly("blk_1234567", "67108864", "/10.0.0.1");
        assertThat(b.change()).isEqualTo(ChangeType.NONE);
        assertThat(b.templateId()).isEqualTo(a.templateId());
        assertThat(b.parameters()).containsExactly("blk_-987654", "12", "/10.0.0.2");
        assertThat(b.templateCount()).isEqualTo(2);
        assertThat(miner.templateCount()).isEqualTo(1);
    }

    @Test
    void templateIdIsTheHashOfTheTextAndStableAcrossInstances() {
        MiningResult a = miner.mine("Server created on 40984");
        MiningResult b = new TemplateMiner().mine("Server created on 1");

        assertThat(a.templateId())
                .hasSize(16)
                .isEqualTo(Hashing.toHex(Hashing.hash("Server created on <*>")));
        assertThat(b.templateId()).isEqualTo(a.templateId());
    }

    @Test
    void partlyVariableTokensGeneraliseAndKeepAnAlias() {
        MiningResult first = miner.mine("connection from 1.2.3.4 () at 10:00:01");
        MiningResult second =
                miner.mine("connection from 1.2.3.5 (host-1.example.com) at 10:00:02");

        assertThat(first.template()).isEqualTo("connection from <*> () at <*>");
        assertThat(second.change()).isEqualTo(ChangeType.GENERALISED);
        assertThat(second.template()).isEqualTo("connection from <*> (<*>) at <*>");
        assertThat(second.replacedTemplateIds()).containsExactly(first.templateId());
        assertThat(second.parameters())
                .containsExactly("1.2.3.5", "host-1.example.com", "10:00:02");
        assertThat(miner.resolve(first.templateId())).isEqualTo(second.templateId());
        assertThat(miner.template(first.templateId()))
                .get()
                .satisfies(t -> assertThat(t.count()).isEqualTo(2));
        assertThat(miner.mine("connection from 1.2.3.6 () at 10:00:03").templateId())
                .isEqualTo(second.templateId());
    }

    @Test
    void maskedTokensCountAsMatchesForConstantPositions() {
        MiningResult first = miner.mine("Link 5 down");
        MiningResult second = miner.mine("Link eth down");

        assertThat(second.templateId()).isEqualTo(first.templateId());
        assertThat(second.parameters()).containsExactly("eth");
        assertThat(miner.templateCount()).isEqualTo(1);
    }

    @Test
    void threeDistinctWordsAtOnePositionMergeIntoAVariable() {
        MiningResult alice = miner.mine("session opened for user alice by (uid=0)");
        MiningResult bob = miner.mine("session opened for user bob by (uid=0)");
        assertThat(bob.change()).isEqualTo(ChangeType.NEW);
        assertThat(alice.variantOf()).isNull();
        assertThat(bob.variantOf())
                .as("differs from alice's in one word")
                .isEqualTo(alice.templateId());
        assertThat(bob.templateId()).isNotEqualTo(alice.templateId());

        MiningResult carol = miner.mine("session opened for user carol by (uid=0)");
        assertThat(carol.change()).isEqualTo(ChangeType.GENERALISED);
        assertThat(carol.template()).isEqualTo("session opened for user <*> by (uid=<*>)");
        assertThat(carol.replacedTemplateIds())
                .containsExactlyInAnyOrder(alice.templateId(), bob.templateId());
        assertThat(carol.templateCount()).isEqualTo(3);
        assertThat(miner.resolve(alice.templateId())).isEqualTo(carol.templateId());
        assertThat(miner.resolve(bob.templateId())).isEqualTo(carol.templateId());
        assertThat(miner.templateCount()).isEqualTo(1);

        MiningResult dave = miner.mine("session opened for user dave by (uid=0)");
        assertThat(dave.change()).isEqualTo(ChangeType.NONE);
        assertThat(dave.templateId()).isEqualTo(carol.templateId());
        assertThat(dave.parameters()).containsExactly("dave", "0");
    }

    @Test
    void generalisedTemplateAbsorbsTheTemplatesItNowCovers() {
        String varBackup = miner.mine("domain cluster_var_backup is no longer served").templateId();
        String rootDomain = miner.mine("domain root8_domain is no longer served").templateId();
        assertThat(miner.templateCount()).isEqualTo(2);

        MiningResult masked = miner.mine("domain storage211 is no longer served");

        assertThat(masked.template()).isEqualTo("domain <*> is no longer served");
        assertThat(masked.replacedTemplateIds()).containsExactlyInAnyOrder(varBackup, rootDomain);
        assertThat(masked.templateCount()).isEqualTo(3);
        assertThat(miner.templateCount()).isEqualTo(1);
        assertThat(miner.mine("domain root8_domain is no longer served").templateId())
                .isEqualTo(masked.templateId());
    }

    @Test
    void twoDistinctWordsStaySeparateTemplates() {
        String startup = miner.mine("cupsd startup succeeded").templateId();
        String shutdown = miner.mine("cupsd shutdown succeeded").templateId();

        assertThat(startup).isNotEqualTo(shutdown);
        assertThat(miner.mine("cupsd startup succeeded").templateId()).isEqualTo(startup);
        assertThat(miner.templates())
                .extracting(TemplateInfo::text)
                .containsExactly("cupsd startup succeeded", "cupsd shutdown succeeded");
    }

    @Test
    void siblingThresholdIsConfigurable() {
        TemplateMiner strict =
                new TemplateMiner(MinerConfig.builder().siblingMergeThreshold(4).build());
        for (String w : new String[] {"alpha", "beta", "gamma"}) {
            strict.mine("interface " + w + " is up");
        }
        assertThat(strict.templateCount()).isEqualTo(3);
        assertThat(strict.mine("interface delta is up").template())
                .isEqualTo("interface <*> is up");
        assertThat(strict.templateCount()).isEqualTo(1);
    }

    @Test
    void punctuationOnlyTokensAreNotMergedWithVariables() {
        String withStars = miner.mine("Fan speeds ( 3534 **** 3497 )").templateId();
        String allNumbers = miner.mine("Fan speeds ( 3534 4115 3497 )").templateId();

        assertThat(withStars).isNotEqualTo(allNumbers);
    }

    @Test
    void firstTokenAndTokenCountSeparateTemplates() {
        String boot = miner.mine("boot (command 1910)").templateId();
        String halt = miner.mine("halt (command 1982)").templateId();
        String longer = miner.mine("boot (command 1910) failed").templateId();

        assertThat(boot).isNotEqualTo(halt).isNotEqualTo(longer);
        assertThat(miner.templateCount()).isEqualTo(3);
    }

    @Test
    void multiWordVariablesAreOneParameter() {
        MiningResult r =
                miner.mine("example.com:443 close, 474 bytes (3.9 KB) sent, lifetime <1 sec");

        assertThat(r.template()).isEqualTo("<*> close, <*> sent, lifetime <*>");
        assertThat(r.parameters())
                .containsExactly("example.com:443", "474 bytes (3.9 KB)", "<1 sec");
    }

    @Test
    void runsOfVariablesOfDifferentLengthBecomeOneVariableLengthTemplate() {
        MiningResult one = miner.mine("BLOCK* ask 10.0.0.1:50010 to delete blk_111111");
        MiningResult three =
                miner.mine("BLOCK* ask 10.0.0.2:50010 to delete blk_222222 blk_333333 blk_444444");

        assertThat(one.template()).isEqualTo("BLOCK* ask <*> to delete <*>");
        assertThat(three.change()).isEqualTo(ChangeType.GENERALISED);
        assertThat(three.template()).isEqualTo("BLOCK* ask <*> to delete <*>");
        assertThat(three.templateId()).isEqualTo(one.templateId()).as("same text, same id");
        assertThat(three.parameters())
                .containsExactly("10.0.0.2:50010", "blk_222222 blk_333333 blk_444444");

        MiningResult two = miner.mine("BLOCK* ask 10.0.0.3:50010 to delete blk_55 blk_66");
        assertThat(two.change()).isEqualTo(ChangeType.NONE);
        assertThat(two.templateId()).isEqualTo(one.templateId());
        assertThat(two.parameters()).containsExactly("10.0.0.3:50010", "blk_55 blk_66");
        assertThat(miner.templateCount()).isEqualTo(1);
        assertThat(miner.mine("BLOCK* ask 10.0.0.3:50010 to delete now").templateId())
                .isNotEqualTo(one.templateId());
    }

    @Test
    void emptyContentIsATemplateToo() {
        MiningResult a = miner.mine("");
        MiningResult b = miner.mine("   ");

        assertThat(a.template()).isEmpty();
        assertThat(b.templateId()).isEqualTo(a.templateId());
        assertThat(b.parameters()).isEmpty();
    }

    @Test
    void templateWithParametersRebuildsTheMessageForAnyInput() {
        Random r = new Random(5);
        String alphabet = "abcXYZ0123456789 .:-_/=,()[]'\"@#*<>\\\t\u00e9";
        List<String> lines = new ArrayList<>(SyntheticLogs.stream(3_000, 5));
        for (int i = 0; i < 3_000; i++) {
            StringBuilder sb = new StringBuilder();
            for (int k = r.nextInt(60); k > 0; k--) {
                sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
            }
            lines.add(sb.toString().replace("<*>", "<+>"));
        }
        Collections.shuffle(lines, r);
        TemplateMiner small = new TemplateMiner(MinerConfig.builder().maxTemplates(200).build());
        for (String line : lines) {
            MiningResult result = small.mine(line);
            assertThat(rebuild(result))
                    .as(line)
                    .isEqualTo(String.join(" ", line.trim().split("\\s+")).trim());
        }
        assertThat(small.templateCount()).isLessThanOrEqualTo(200);
    }

    @Test
    void templateWithParametersRebuildsEveryMessageOfAMixedStream() {
        for (String line : SyntheticSystemLogs.mixedStream(1_000, 17)) {
            assertThat(rebuild(miner.mine(line)))
                    .as(line)
                    .isEqualTo(String.join(" ", line.trim().split("\\s+")).trim());
        }
        assertThat(miner.templateCount()).isBetween(100, 200);
    }

    /** The template with each {@code <*>} replaced by the next parameter, whitespace normalised. */
    private static String rebuild(MiningResult r) {
        StringBuilder sb = new StringBuilder();
        String t = r.template();
        int p = 0;
        for (String value : r.parameters()) {
            int at = t.indexOf("<*>", p);
            sb.append(t, p, at).append(value);
            p = at + 3;
        }
        assertThat(t.indexOf("<*>", p)).as("one parameter per <*>").isEqualTo(-1);
        sb.append(t.substring(p));
        return String.join(" ", sb.toString().trim().split("\\s+")).trim();
    }

    @Test
    void unknownIdsResolveToThemselves() {
        assertThat(miner.resolve("00000000000000ff")).isEqualTo("00000000000000ff");
        assertThat(miner.template("00000000000000ff")).isEmpty();
    }

    @Test
    void leastRecentlyUsedTemplateIsEvictedAtTheCountBound() {
        TemplateMiner small = new TemplateMiner(MinerConfig.builder().maxTemplates(3).build());
        String alpha = small.mine("alpha one").templateId();
        String beta = small.mine("beta two").templateId();
        small.mine("gamma three");
        small.mine("alpha one");

        MiningResult delta = small.mine("delta four");

        assertThat(delta.change()).isEqualTo(ChangeType.NEW);
        assertThat(delta.evictedTemplateIds()).containsExactly(beta);
        assertThat(small.templateCount()).isEqualTo(3);
        assertThat(small.template(beta)).isEmpty();
        assertThat(small.template(alpha)).isPresent();
        MiningResult betaAgain = small.mine("beta two");
        assertThat(betaAgain.change()).isEqualTo(ChangeType.NEW);
        assertThat(betaAgain.templateId()).isEqualTo(beta);
        assertThat(small.templates())
                .extracting(TemplateInfo::text)
                .containsExactly("alpha one", "delta four", "beta two");
    }

    @Test
    void memoryBoundLimitsTheEstimatedSize() {
        TemplateMiner small =
                new TemplateMiner(MinerConfig.builder().maxMemoryBytes(4_000).build());
        for (int i = 0; i < 100; i++) {
            small.mine("event" + (char) ('a' + i % 26) + (char) ('a' + i / 26) + " happened here");
        }
        assertThat(small.estimatedMemoryBytes()).isPositive().isLessThanOrEqualTo(4_000);
        assertThat(small.templateCount()).isBetween(2, 10);
    }

    @Test
    void aliasMapIsBounded() {
        TemplateMiner small = new TemplateMiner(MinerConfig.builder().maxAliases(1).build());
        String a = small.mine("open () now").templateId();
        String b = small.mine("open (12) now").templateId();
        MiningResult c = small.mine("open <x> now");

        assertThat(c.template()).isEqualTo("open <*> now");
        assertThat(c.replacedTemplateIds()).containsExactly(b);
        assertThat(small.aliasCount()).isEqualTo(1);
        assertThat(small.resolve(b)).isEqualTo(c.templateId());
        assertThat(small.resolve(a)).as("oldest alias dropped").isEqualTo(a);
    }
}
