package io.forewarn.simulator;

import java.util.List;
import java.util.SplittableRandom;

/**
 * What a deployment changes, as the VCS statistics of its pipeline report it.
 *
 * @param commitSha the deployed commit
 * @param commits commits since the previous deployment
 * @param linesAdded lines added
 * @param linesDeleted lines deleted
 * @param filesTouched files changed
 * @param complexityDelta change of cyclomatic complexity
 * @param testsPassed passing tests
 * @param testsFailed failing tests (quarantined, the pipeline still deployed)
 * @param testsSkipped skipped tests
 * @param coverage line coverage, 0..1
 * @param authors commit authors
 */
public record Change(
        String commitSha,
        int commits,
        int linesAdded,
        int linesDeleted,
        int filesTouched,
        double complexityDelta,
        int testsPassed,
        int testsFailed,
        int testsSkipped,
        double coverage,
        List<String> authors) {

    private static final String[] AUTHORS = {"alice", "bob", "chen", "dana", "emeka", "farah"};

    /** A small, well-tested change: the usual deployment. */
    public static Change routine(String commitSha, SplittableRandom random) {
        int commits = 1 + random.nextInt(5);
        return new Change(
                commitSha,
                commits,
                10 + random.nextInt(150),
                random.nextInt(80),
                1 + random.nextInt(8),
                Math.round((random.nextDouble() * 2 - 0.5) * 10) / 10.0,
                1200 + random.nextInt(100),
                0,
                random.nextInt(12),
                0.80 + random.nextInt(5) / 100.0,
                authors(random, Math.min(commits, 2)));
    }

    /** A large change with quarantined failing tests and falling coverage. */
    public static Change risky(String commitSha, SplittableRandom random) {
        int commits = 18 + random.nextInt(20);
        return new Change(
                commitSha,
                commits,
                1500 + random.nextInt(2500),
                300 + random.nextInt(900),
                40 + random.nextInt(60),
                Math.round((12 + random.nextDouble() * 20) * 10) / 10.0,
                1150 + random.nextInt(100),
                2 + random.nextInt(5),
                20 + random.nextInt(30),
                0.68 + random.nextInt(6) / 100.0,
                authors(random, 4));
    }

    private static List<String> authors(SplittableRandom random, int count) {
        int first = random.nextInt(AUTHORS.length);
        String[] out = new String[count];
        for (int i = 0; i < count; i++) {
            out[i] = AUTHORS[(first + i) % AUTHORS.length];
        }
        return List.of(out);
    }
}
