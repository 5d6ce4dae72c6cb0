package io.forewarn.cli;

import io.forewarn.config.ForewarnConfig;
import io.forewarn.config.ForewarnOptions;
import io.forewarn.rules.model.RuleProblem;
import io.forewarn.rules.runtime.RuleUpdates;
import io.forewarn.rules.testing.CaseResult;
import io.forewarn.rules.testing.FileResult;
import io.forewarn.rules.testing.RuleTestReport;
import io.forewarn.rules.testing.RuleTestRunner;
import io.forewarn.schema.RuleUpdate;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code forewarn rules validate|test|publish}: work with CEP rule files. */
@Command(
        name = "rules",
        mixinStandardHelpOptions = true,
        description = "Validate, test and publish CEP rule files (see docs/rules.md).",
        subcommands = {
            RulesCommand.Validate.class,
            RulesCommand.Test.class,
            RulesCommand.Publish.class
        })
final class RulesCommand implements Runnable {

    @Spec CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Exit code when a rule file is invalid or a test case fails. */
    static final int EXIT_FAILED = 1;

    /** Rule files named on the command line: files as given, directories as their *.yaml files. */
    static List<Path> ruleFiles(List<Path> paths) {
        List<Path> out = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> files = Files.list(p)) {
                    files.filter(
                                    f ->
                                            f.toString().endsWith(".yaml")
                                                    || f.toString().endsWith(".yml"))
                            .sorted()
                            .forEach(out::add);
                } catch (IOException e) {
                    throw new CliException("cannot list " + p + ": " + e.getMessage(), e);
                }
            } else if (Files.isRegularFile(p)) {
                out.add(p);
            } else {
                throw new CliException("no such file or directory: " + p);
            }
        }
        if (out.isEmpty()) {
            throw new CliException("no rule files (*.yaml) in " + paths);
        }
        return out;
    }

    /** Parses, compiles and tests the files; prints per case (or only problems when quiet). */
    static List<FileResult> check(List<Path> files, PrintWriter out, boolean runTests) {
        RuleTestRunner runner = new RuleTestRunner();
        List<FileResult> results = new ArrayList<>();
        Map<String, String> ids = new HashMap<>();
        for (Path f : files) {
            FileResult r;
            try {
                r = runner.run(f);
            } catch (IOException e) {
                throw new CliException("cannot read " + f + ": " + e.getMessage(), e);
            }
            if (r.rule() != null) {
                String other = ids.putIfAbsent(r.rule().id(), r.file());
                if (other != null) {
                    throw new CliException(
                            "rule "
                                    + r.rule().id()
                                    + " is defined in "
                                    + other
                                    + " and in "
                                    + r.file());
                }
            }
            results.add(r);
            if (runTests) {
                RuleTestReport.print(r, out);
            } else if (!r.problems().isEmpty()) {
                out.println("INVALID " + r.file());
                for (RuleProblem p : r.problems()) {
                    out.println("  " + p);
                }
            } else {
                out.println(
                        "OK " + r.rule().id() + " v" + r.rule().version() + " (" + r.file() + ")");
            }
            for (String note : r.notes()) {
                out.println("  note: " + note);
            }
        }
        return results;
    }

    static String summary(List<FileResult> results) {
        long invalid = results.stream().filter(r -> !r.problems().isEmpty()).count();
        List<CaseResult> cases =
                results.stream().flatMap(r -> r.cases().stream()).collect(Collectors.toList());
        long failed = cases.stream().filter(c -> !c.passed()).count();
        return results.size()
                + " rule file(s), "
                + invalid
                + " invalid; "
                + cases.size()
                + " test case(s), "
                + (cases.size() - failed)
                + " passed, "
                + failed
                + " failed";
    }

    @Command(
            name = "validate",
            mixinStandardHelpOptions = true,
            description = {
                "Parse and compile rule files: YAML, fields, CEL conditions type-checked against"
                        + " each record kind, patterns Flink CEP accepts. Does not run test cases.",
                "Exit code 1 when any file is invalid."
            })
    static final class Validate implements Callable<Integer> {
        @Spec CommandLine.Model.CommandSpec spec;

        @Parameters(
                arity = "1..*",
                paramLabel = "PATH",
                description = "Rule files or directories of *.yaml files.")
        List<Path> paths;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            List<FileResult> results = check(ruleFiles(paths), out, false);
            long invalid = results.stream().filter(r -> !r.problems().isEmpty()).count();
            out.println(results.size() + " rule file(s), " + invalid + " invalid");
            out.flush();
            return invalid == 0 ? 0 : EXIT_FAILED;
        }
    }

    @Command(
            name = "test",
            mixinStandardHelpOptions = true,
            description = {
                "Run the test cases of rule files: PASS or FAIL per case, with the expected and"
                        + " found matches of each failure.",
                "Exit code 1 when any file is invalid or any case fails."
            })
    static final class Test implements Callable<Integer> {
        @Spec CommandLine.Model.CommandSpec spec;

        @Parameters(
                arity = "1..*",
                paramLabel = "PATH",
                description = "Rule files or directories of *.yaml files.")
        List<Path> paths;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            List<FileResult> results = check(ruleFiles(paths), out, true);
            out.println(summary(results));
            out.flush();
            return results.stream().allMatch(FileResult::passed) ? 0 : EXIT_FAILED;
        }
    }

    @Command(
            name = "publish",
            mixinStandardHelpOptions = true,
            description = {
                "Validate and test rule files, then publish them as RuleUpdate records on the rules"
                        + " topic (topics.rules), where running jobs pick them up within seconds.",
                "Nothing is published when any file is invalid or any test case fails (exit code"
                        + " 1).",
                "Each rule is published with the version in its file; jobs ignore versions that are"
                        + " not newer than the one they run."
            })
    static final class Publish implements Callable<Integer> {
        @Spec CommandLine.Model.CommandSpec spec;

        @Mixin ConfigOptionsMixin config;

        @Parameters(
                arity = "1..*",
                paramLabel = "PATH",
                description = "Rule files or directories of *.yaml files.")
        List<Path> paths;

        @Option(
                names = "--publisher",
                paramLabel = "NAME",
                description = "Who publishes (default: the user name).")
        String publisher = System.getProperty("user.name", "unknown");

        @Option(names = "--dry-run", description = "Validate and test only; publish nothing.")
        boolean dryRun;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            List<Path> files = ruleFiles(paths);
            List<FileResult> results = check(files, out, true);
            out.println(summary(results));
            if (!results.stream().allMatch(FileResult::passed)) {
                out.println("nothing published: fix the failures above first");
                out.flush();
                return EXIT_FAILED;
            }
            ForewarnConfig cfg = config.load();
            String topic = cfg.get(ForewarnOptions.TOPIC_RULES);
            long now = System.currentTimeMillis();
            List<RuleUpdate> updates = new ArrayList<>();
            for (FileResult r : results) {
                String content = Files.readString(Path.of(r.file()), StandardCharsets.UTF_8);
                updates.add(
                        RuleUpdates.upsert(
                                r.rule().id(),
                                r.rule().version(),
                                content,
                                Path.of(r.file()).getFileName().toString(),
                                now,
                                publisher));
            }
            if (dryRun) {
                updates.forEach(
                        u ->
                                out.println(
                                        "would publish "
                                                + u.getRuleId()
                                                + " v"
                                                + u.getVersion()
                                                + " to "
                                                + topic));
                out.flush();
                return 0;
            }
            publish(cfg, topic, updates, out);
            out.flush();
            return 0;
        }

        private static void publish(
                ForewarnConfig cfg, String topic, List<RuleUpdate> updates, PrintWriter out)
                throws Exception {
            Properties props = cfg.kafkaProperties();
            props.put(
                    ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                    ByteArraySerializer.class.getName());
            props.put(
                    ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                    ByteArraySerializer.class.getName());
            props.put(ProducerConfig.ACKS_CONFIG, "all");
            props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
            props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "30000");
            props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "20000");
            props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "20000");
            try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props)) {
                for (RuleUpdate u : updates) {
                    ByteBuffer encoded = RuleUpdate.getEncoder().encode(u);
                    byte[] value = new byte[encoded.remaining()];
                    encoded.get(value);
                    producer.send(
                                    new ProducerRecord<>(
                                            topic,
                                            null,
                                            u.getPublishedAt(),
                                            u.getRuleId().getBytes(StandardCharsets.UTF_8),
                                            value))
                            .get(30, TimeUnit.SECONDS);
                    out.println(
                            "published " + u.getRuleId() + " v" + u.getVersion() + " to " + topic);
                }
            } catch (java.util.concurrent.ExecutionException
                    | java.util.concurrent.TimeoutException e) {
                throw new CliException(
                        "could not publish to "
                                + topic
                                + " at "
                                + cfg.get(ForewarnOptions.KAFKA_BOOTSTRAP_SERVERS)
                                + ": "
                                + e.getMessage(),
                        e);
            }
        }
    }
}
