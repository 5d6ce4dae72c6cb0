package io.forewarn.logs.template;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * Online log template miner (Drain family).
 *
 * <h2>Algorithm</h2>
 *
 * Each message is tokenised and masked by a hand-written scanner (see {@link MaskingConfig}).
 * Templates live in buckets keyed by token count and the masked first token. A line
 *
 * <ol>
 *   <li>matches the most specific template of its bucket whose every position fits (equal masked
 *       token, {@code <*>}, or a {@code prefix<*>suffix} pattern);
 *   <li>otherwise generalises the bucket template that differs from it only <em>softly</em> (masked
 *       tokens count as matches, see {@link TokenPatterns}), keeping most equal tokens;
 *   <li>otherwise, when {@link MinerConfig#siblingMergeThreshold()} - 1 templates are equal to it
 *       except for a constant word at the same single position, merges them all with {@code <*>}
 *       there (so {@code user alice/bob/carol} merge, {@code startup/shutdown} stay apart);
 *   <li>otherwise, when a template of another length has the same shape once runs of consecutive
 *       variables are collapsed, turns the differing runs into variable-length runs ({@code delete
 *       <*>} then covers any number of masked ids);
 *   <li>otherwise creates a new template.
 * </ol>
 *
 * Variable-length templates are tried after the fixed-length bucket of a line. When a template is
 * generalised, the templates of its bucket that it now covers (they differ only where it became
 * variable) and any template with the same text are merged into it.
 *
 * <h2>Ids and aliases</h2>
 *
 * A template id is the 64-bit hash of its text (16 hex digits), so ids are equal across restarts,
 * parallel instances and rescaling. When a template changes, its old id is recorded as an alias of
 * the new one ({@link #resolve(String)}); at most {@link MinerConfig#maxAliases()} aliases are
 * kept, the oldest dropped first.
 *
 * <h2>Bounds and eviction</h2>
 *
 * At most {@link MinerConfig#maxTemplates()} templates and {@link MinerConfig#maxMemoryBytes()} of
 * estimated template memory are kept. When a new or grown template exceeds a bound, the <em>least
 * recently used</em> templates (the ones whose last matching line is oldest) are evicted until both
 * bounds hold; the template just touched is never evicted. Aliases pointing to an evicted id stay
 * (the id is still a valid name for counts downstream); a line of an evicted template later creates
 * it again under the same id.
 *
 * <h2>State</h2>
 *
 * {@link #snapshot(DataOutput)} writes a compact versioned binary form; {@link #restore(DataInput,
 * MinerConfig)} rebuilds a miner that continues exactly as the original would. Instances are not
 * thread-safe: use one per key / operator instance.
 */
public final class TemplateMiner {

    private final MinerConfig config;
    private final TokenMasker masker;
    private final TokenBuffer buf = new TokenBuffer();

    /** Fixed-length templates by token count and first token, in creation order. */
    private final LongObjectMap<List<Template>> buckets = new LongObjectMap<>();

    /** Variable-length templates by first token, in creation order. */
    private final LongObjectMap<List<Template>> variableLength = new LongObjectMap<>();

    /** Fixed-length templates with variable tokens by {@link Template#runSignature(Template)}. */
    private final LongObjectMap<List<Template>> byRunSignature = new LongObjectMap<>();

    private final LongObjectMap<Template> byId = new LongObjectMap<>();
    private int[] alignment = new int[32];
    private final AliasMap aliases;

    /** Most recently used template; {@link #lruTail} is the eviction candidate. */
    private Template lruHead;

    private Template lruTail;
    private int templateCount;
    private long memoryBytes;
    private long lines;
    private long nextSeq;

    /** Ids evicted while mining the current line; null until one is. */
    private List<String> evicted;

    public TemplateMiner() {
        this(MinerConfig.defaults());
    }

    public TemplateMiner(MinerConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        this.masker = new TokenMasker(config.masking());
        this.aliases = new AliasMap(config.maxAliases());
    }

    public MinerConfig config() {
        return config;
    }

    /** Mines one message (the content part of a log line). */
    public MiningResult mine(String content) {
        Objects.requireNonNull(content, "content");
        masker.tokenize(content, buf);
        lines++;
        evicted = null;
        int n = buf.size;
        long first = n == 0 ? 0 : buf.hash[0];
        List<Template> bucket = buckets.get(Hashing.bucketKey(n, first));
        Template match = bucket == null ? null : bestMatch(bucket);
        if (match == null && variableLength.size() > 0) {
            match = bestVariableLengthMatch(first);
        }
        if (match != null) {
            touch(match);
            return result(match, ChangeType.NONE, List.of(), null);
        }
        return mineUnmatched(bucket);
    }

    /** The current id for {@code templateId}, following aliases (itself if not an alias). */
    public String resolve(String templateId) {
        return Hashing.toHex(aliases.resolve(Long.parseUnsignedLong(templateId, 16)));
    }

    /** The live template with this id (aliases are resolved first). */
    public Optional<TemplateInfo> template(String templateId) {
        Template t = byId.get(aliases.resolve(Long.parseUnsignedLong(templateId, 16)));
        return t == null ? Optional.empty() : Optional.of(t.info());
    }

    /** All live templates in creation order. */
    public List<TemplateInfo> templates() {
        List<TemplateInfo> out = new ArrayList<>(templateCount);
        for (Template t : templatesBySeq()) {
            out.add(t.info());
        }
        return out;
    }

    public int templateCount() {
        return templateCount;
    }

    public int aliasCount() {
        return aliases.size();
    }

    /** Estimated heap used by the live templates (see {@link MinerConfig#maxMemoryBytes()}). */
    public long estimatedMemoryBytes() {
        return memoryBytes;
    }

    /** Lines mined so far (restored with the state). */
    public long linesMined() {
        return lines;
    }

    /** Writes the state in the versioned binary format of {@link MinerSnapshotCodec}. */
    public void snapshot(DataOutput out) throws IOException {
        MinerSnapshotCodec.write(this, out);
    }

    /** Rebuilds a miner from {@link #snapshot(DataOutput)} output. */
    public static TemplateMiner restore(DataInput in, MinerConfig config) throws IOException {
        TemplateMiner miner = new TemplateMiner(config);
        MinerSnapshotCodec.read(miner, in);
        return miner;
    }

    // ------------------------------------------------------------------ matching

    private Template bestMatch(List<Template> bucket) {
        Template best = null;
        int n = buf.size;
        for (int k = 0, size = bucket.size(); k < size; k++) {
            Template t = bucket.get(k);
            if (t.matches(buf)) {
                if (t.constCount == n) {
                    return t;
                }
                if (best == null || t.constCount > best.constCount) {
                    best = t;
                }
            }
        }
        return best;
    }

    private Template bestVariableLengthMatch(long firstTokenHash) {
        List<Template> list = variableLength.get(firstTokenHash);
        if (list == null) {
            return null;
        }
        Template best = null;
        for (int k = 0, size = list.size(); k < size; k++) {
            Template t = list.get(k);
            if ((best == null || t.constCount > best.constCount) && t.align(buf, alignmentFor(t))) {
                best = t;
            }
        }
        return best;
    }

    private int[] alignmentFor(Template t) {
        if (alignment.length <= t.length()) {
            alignment = new int[t.length() * 2 + 1];
        }
        return alignment;
    }

    private MiningResult mineUnmatched(List<Template> bucket) {
        if (bucket == null) {
            Template runs = runLengthCandidate();
            return runs != null ? generalizeRuns(runs) : createTemplate(null);
        }
        int n = buf.size;
        String[] masked = new String[n];
        for (int i = 0; i < n; i++) {
            masked[i] = buf.masked(i);
        }
        Template mergeTarget = null;
        int bestEqual = -1;
        List<List<Template>> siblingsByPosition = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            siblingsByPosition.add(null);
        }
        for (Template t : bucket) {
            int equal = 0;
            int hard = 0;
            int hardPosition = -1;
            for (int i = 0; i < n && hard < 2; i++) {
                if (t.matches(i, buf, i)) {
                    equal++;
                } else if (isSoftDifference(t, i, masked[i])) {
                    continue;
                } else if (isStructuralDifference(t, i)) {
                    hard = 2;
                } else {
                    hard++;
                    hardPosition = i;
                }
            }
            if (hard == 0 && equal > bestEqual) {
                bestEqual = equal;
                mergeTarget = t;
            } else if (hard == 1 && equal == n - 1) { // a sibling: equal except at one position
                if (siblingsByPosition.get(hardPosition) == null) {
                    siblingsByPosition.set(hardPosition, new ArrayList<>(2));
                }
                siblingsByPosition.get(hardPosition).add(t);
            }
        }
        if (mergeTarget != null) {
            return generalize(mergeTarget, masked, List.of());
        }
        List<Template> siblings = null;
        for (List<Template> s : siblingsByPosition) {
            if (s != null && (siblings == null || s.size() > siblings.size())) {
                siblings = s;
            }
        }
        if (siblings != null && siblings.size() + 1 >= config.siblingMergeThreshold()) {
            return generalize(siblings.get(0), masked, siblings.subList(1, siblings.size()));
        }
        Template runs = runLengthCandidate();
        if (runs != null) {
            return generalizeRuns(runs);
        }
        return createTemplate(siblings == null ? null : siblings.get(0));
    }

    /** A fixed-length template of another length with the line's collapsed-run shape. */
    private Template runLengthCandidate() {
        int n = buf.size;
        if (n == 0 || buf.shape[0] == TokenBuffer.VARIABLE) {
            return null; // the first token must stay a constant key
        }
        long signature = Template.runSignature(buf);
        List<Template> list = signature == 0 ? null : byRunSignature.get(signature);
        if (list == null) {
            return null;
        }
        for (Template t : list) {
            if (t.length() != n && t.kinds[0] == Template.CONST && t.hashes[0] == buf.hash[0]) {
                return t;
            }
        }
        return null;
    }

    /** Turns the variable runs of {@code target} whose length differs from the line's into runs. */
    private MiningResult generalizeRuns(Template target) {
        int units = target.length();
        List<Byte> kinds = new ArrayList<>(units);
        List<String> texts = new ArrayList<>(units);
        List<String> suffixes = new ArrayList<>(units);
        int t = 0;
        for (int i = 0; i < units; ) {
            if (!target.isVariableUnit(i)) {
                kinds.add(target.kinds[i]);
                texts.add(target.texts[i]);
                suffixes.add(target.suffixes[i]);
                i++;
                t++;
                continue;
            }
            int templateEnd = i;
            boolean hasRun = false;
            while (templateEnd < units && target.isVariableUnit(templateEnd)) {
                hasRun |= target.kinds[templateEnd] == Template.RUN;
                templateEnd++;
            }
            int lineEnd = t;
            while (lineEnd < buf.size && buf.shape[lineEnd] == TokenBuffer.VARIABLE) {
                lineEnd++;
            }
            if (!hasRun && templateEnd - i == lineEnd - t) {
                for (int k = i; k < templateEnd; k++) {
                    kinds.add(target.kinds[k]);
                    texts.add(target.texts[k]);
                    suffixes.add(target.suffixes[k]);
                }
            } else {
                kinds.add(Template.RUN);
                texts.add("<*>");
                suffixes.add(null);
            }
            i = templateEnd;
            t = lineEnd;
        }
        byte[] k = new byte[kinds.size()];
        for (int i = 0; i < k.length; i++) {
            k[i] = kinds.get(i);
        }
        return applyChange(
                target,
                k,
                texts.toArray(new String[0]),
                suffixes.toArray(new String[0]),
                List.of());
    }

    private boolean isStructuralDifference(Template t, int i) {
        return (t.kinds[i] == Template.CONST && t.structural[i])
                || buf.shape[i] == TokenBuffer.STRUCTURAL;
    }

    private static boolean isSoftDifference(Template t, int i, String lineToken) {
        return t.kinds[i] == Template.AFFIX
                || TokenPatterns.isSoftDifference(t.texts[i], lineToken);
    }

    // ------------------------------------------------------------------ changes

    /**
     * Creates a template for the current line; {@code variantOf} is a template it differs from in
     * one constant word only (too little evidence to merge yet), or null.
     */
    private MiningResult createTemplate(Template variantOf) {
        int n = buf.size;
        byte[] kinds = new byte[n];
        String[] texts = new String[n];
        for (int i = 0; i < n; i++) {
            texts[i] = buf.masked(i);
        }
        Template t = new Template(nextSeq++, kinds, texts, new String[n]);
        register(t);
        t.count = 1;
        t.lastSeen = lines;
        linkHead(t);
        enforceBounds(t);
        return result(t, ChangeType.NEW, List.of(), variantOf == null ? null : variantOf.idHex);
    }

    /**
     * Generalises {@code target} so that it also covers the current line and the templates {@code
     * others} (which are then merged into it).
     */
    private MiningResult generalize(Template target, String[] masked, List<Template> others) {
        byte[] kinds = target.kinds.clone();
        String[] texts = target.texts.clone();
        String[] suffixes = target.suffixes.clone();
        for (int i = 0; i < kinds.length; i++) {
            if (!target.matches(i, buf, i)) {
                generalizePosition(kinds, texts, suffixes, i, masked[i]);
            }
        }
        for (Template o : others) {
            for (int i = 0; i < kinds.length; i++) {
                boolean same =
                        kinds[i] == Template.CONST
                                && o.kinds[i] == Template.CONST
                                && texts[i].equals(o.texts[i]);
                if (!same) {
                    generalizePosition(kinds, texts, suffixes, i, o.render(i));
                }
            }
        }
        return applyChange(target, kinds, texts, suffixes, others);
    }

    /**
     * Gives {@code target} new token patterns, merges {@code others} into it, records aliases and
     * folds it into an existing template with the same text, if any.
     */
    private MiningResult applyChange(
            Template target,
            byte[] kinds,
            String[] texts,
            String[] suffixes,
            List<Template> others) {
        long oldId = target.id;
        boolean changed =
                !others.isEmpty()
                        || !Arrays.equals(kinds, target.kinds)
                        || !Arrays.equals(texts, target.texts)
                        || !Arrays.equals(suffixes, target.suffixes);
        List<String> replaced = new ArrayList<>(others.size() + 1);
        byId.remove(oldId);
        retoken(target, kinds, texts, suffixes);
        if (target.id != oldId) {
            aliases.put(oldId, target.id);
            replaced.add(Hashing.toHex(oldId));
        }
        others = withSubsumed(target, others);
        for (Template o : others) {
            target.count += o.count;
            unregister(o);
            aliases.put(o.id, target.id);
            replaced.add(o.idHex);
        }
        Template survivor = target;
        Template existing = byId.get(target.id);
        if (existing != null) {
            // same text: keep one template, with the patterns that also fit this line
            existing.count += target.count;
            unregister(target);
            retoken(existing, target.kinds, target.texts, target.suffixes);
            survivor = existing;
        } else {
            byId.put(target.id, target);
            aliases.remove(target.id);
        }
        touch(survivor);
        enforceBounds(survivor);
        ChangeType change = changed ? ChangeType.GENERALISED : ChangeType.NONE;
        return result(survivor, change, List.copyOf(replaced), null);
    }

    /**
     * {@code merged} plus the other templates of {@code target}'s bucket that it now covers
     * completely: they differ from it only where it has become variable.
     */
    private List<Template> withSubsumed(Template target, List<Template> merged) {
        List<Template> bucket = target.variableLength ? null : buckets.get(target.indexKey());
        if (bucket == null || bucket.size() == 1) {
            return merged;
        }
        List<Template> out = null;
        for (Template o : bucket) {
            if (o != target && !merged.contains(o) && target.covers(o)) {
                if (out == null) {
                    out = new ArrayList<>(merged);
                }
                out.add(o);
            }
        }
        return out == null ? merged : out;
    }

    /** Replaces the token patterns of an indexed template. */
    private void retoken(Template t, byte[] kinds, String[] texts, String[] suffixes) {
        unindex(t);
        memoryBytes -= t.memoryEstimate;
        t.setTokens(kinds, texts, suffixes);
        memoryBytes += t.memoryEstimate;
        index(t);
    }

    private static void generalizePosition(
            byte[] kinds, String[] texts, String[] suffixes, int i, String other) {
        if (kinds[i] == Template.WILDCARD) {
            return;
        }
        String suffix = kinds[i] == Template.AFFIX ? suffixes[i] : texts[i];
        String[] affixes = TokenPatterns.generalize(texts[i], suffix, other);
        if (affixes == null) {
            kinds[i] = Template.WILDCARD;
            texts[i] = "<*>";
            suffixes[i] = null;
        } else {
            kinds[i] = Template.AFFIX;
            texts[i] = affixes[0];
            suffixes[i] = affixes[1];
        }
    }

    private void register(Template t) {
        index(t);
        byId.put(t.id, t);
        aliases.remove(t.id);
        memoryBytes += t.memoryEstimate;
        templateCount++;
    }

    /** Removes {@code t} from the indexes, id map and LRU list. */
    private void unregister(Template t) {
        unindex(t);
        if (byId.get(t.id) == t) {
            byId.remove(t.id);
        }
        unlink(t);
        memoryBytes -= t.memoryEstimate;
        templateCount--;
    }

    private void index(Template t) {
        insertBySeq(t.variableLength ? variableLength : buckets, t.indexKey(), t);
        if (!t.variableLength && t.runSignature != 0) {
            insertBySeq(byRunSignature, t.runSignature, t);
        }
    }

    private void unindex(Template t) {
        removeFrom(t.variableLength ? variableLength : buckets, t.indexKey(), t);
        if (!t.variableLength && t.runSignature != 0) {
            removeFrom(byRunSignature, t.runSignature, t);
        }
    }

    /** Keeps every index list in creation order, so candidate order survives a restore. */
    private static void insertBySeq(LongObjectMap<List<Template>> map, long key, Template t) {
        List<Template> list = map.get(key);
        if (list == null) {
            list = new ArrayList<>(4);
            map.put(key, list);
        }
        int i = list.size();
        while (i > 0 && list.get(i - 1).seq > t.seq) {
            i--;
        }
        list.add(i, t);
    }

    private static void removeFrom(LongObjectMap<List<Template>> map, long key, Template t) {
        List<Template> list = map.get(key);
        if (list != null && list.remove(t) && list.isEmpty()) {
            map.remove(key);
        }
    }

    private void enforceBounds(Template keep) {
        while ((templateCount > config.maxTemplates() || memoryBytes > config.maxMemoryBytes())
                && lruTail != null
                && lruTail != keep) {
            if (evicted == null) {
                evicted = new ArrayList<>(2);
            }
            evicted.add(lruTail.idHex);
            unregister(lruTail);
        }
    }

    private void touch(Template t) {
        t.count++;
        t.lastSeen = lines;
        if (lruHead != t) {
            unlink(t);
            linkHead(t);
        }
    }

    private void linkHead(Template t) {
        t.lruPrev = null;
        t.lruNext = lruHead;
        if (lruHead != null) {
            lruHead.lruPrev = t;
        }
        lruHead = t;
        if (lruTail == null) {
            lruTail = t;
        }
    }

    private void unlink(Template t) {
        if (t.lruPrev != null) {
            t.lruPrev.lruNext = t.lruNext;
        } else if (lruHead == t) {
            lruHead = t.lruNext;
        }
        if (t.lruNext != null) {
            t.lruNext.lruPrev = t.lruPrev;
        } else if (lruTail == t) {
            lruTail = t.lruPrev;
        }
        t.lruPrev = null;
        t.lruNext = null;
    }

    private MiningResult result(
            Template t, ChangeType change, List<String> replaced, String variantOf) {
        int units = t.length();
        int[] at = null;
        if (t.variableLength) {
            at = alignmentFor(t);
            t.align(buf, at);
        }
        int params = 0;
        for (int i = 0; i < units; i++) {
            params += t.kinds[i] == Template.CONST ? buf.segments(at == null ? i : at[i]) : 1;
        }
        int[] spans = new int[params * 2];
        int k = 0;
        for (int i = 0; i < units; i++) {
            int tok = at == null ? i : at[i];
            switch (t.kinds[i]) {
                case Template.CONST:
                    for (int g = buf.segFrom[tok]; g < buf.segTo[tok]; g++) {
                        spans[k++] = buf.segStart[g];
                        spans[k++] = buf.segEnd[g];
                    }
                    break;
                case Template.AFFIX:
                    spans[k++] = buf.start[tok] + t.texts[i].length();
                    spans[k++] = Math.max(spans[k - 1], buf.end[tok] - t.suffixes[i].length());
                    break;
                default: // wildcard or run: the whole span of its tokens
                    spans[k++] = buf.start[tok];
                    spans[k++] = buf.end[at == null ? tok : at[i + 1] - 1];
            }
        }
        return new MiningResult(
                t.idHex,
                t.text,
                t.count,
                change,
                replaced,
                evicted == null ? List.of() : List.copyOf(evicted),
                variantOf,
                buf.text,
                spans);
    }

    // ------------------------------------------------------------------ snapshot support

    List<Template> templatesBySeq() {
        List<Template> all = new ArrayList<>(templateCount);
        for (Template t = lruHead; t != null; t = t.lruNext) {
            all.add(t);
        }
        all.sort(Comparator.comparingLong(t -> t.seq));
        return all;
    }

    long nextSeq() {
        return nextSeq;
    }

    void forEachAlias(BiConsumer<Long, Long> action) {
        aliases.forEach(action);
    }

    /** Restores counters; called before templates are added. */
    void restoreCounters(long lines, long nextSeq) {
        this.lines = lines;
        this.nextSeq = nextSeq;
    }

    /** Adds a restored template. */
    void restoreTemplate(Template t) {
        register(t);
    }

    /** Rebuilds the LRU list from the restored templates' {@code lastSeen}. */
    void restoreRecency(List<Template> restored) {
        List<Template> all = new ArrayList<>(restored);
        all.sort(Comparator.<Template>comparingLong(t -> t.lastSeen).thenComparingLong(t -> t.seq));
        for (Template t : all) {
            linkHead(t);
        }
    }

    void restoreAlias(long from, long to) {
        aliases.put(from, to);
    }
}
