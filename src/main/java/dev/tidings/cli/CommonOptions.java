package dev.tidings.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Options every command takes, and access to the command's streams and environment. */
final class CommonOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--debug", description = "Show stack traces for errors.")
    boolean debug;

    Env env() {
        Object root = spec.root().userObject();
        return root instanceof TidingsCommand ? ((TidingsCommand) root).env : Env.system();
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /** Prints a one-line usage error and returns the usage exit code. */
    int usage(String message) {
        err().println("tidings: " + message + " (see 'tidings " + spec.name() + " --help')");
        err().flush();
        return ExitCodes.USAGE;
    }

    boolean debugEnabled() {
        if (debug) {
            return true;
        }
        CommandLine.ParseResult pr = spec.root().commandLine().getParseResult();
        return pr != null && pr.hasMatchedOption("--debug");
    }
}
