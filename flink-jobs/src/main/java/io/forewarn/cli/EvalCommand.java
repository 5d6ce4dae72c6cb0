package io.forewarn.cli;

import picocli.CommandLine.Command;

/** {@code forewarn eval ...}: quality evaluations of Forewarn's detectors. */
@Command(
        name = "eval",
        mixinStandardHelpOptions = true,
        description = "Evaluate detectors on simulated incidents or benchmark data.",
        subcommands = {EvalScenariosCommand.class})
final class EvalCommand {}
