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

    @Option(names = "--collections-file", paramLabel = "PATH",
            description = "The collections file (default: $TIDINGS_COLLECTIONS, else"
                    + " $XDG_DATA_HOME/tidings/collections.json).")
    String collectionsFile;

    @Option(names = "--offline", description = "Fetch nothing: subscriptions from the cache only; in the reader"
            + " r, R and v say so instead of fetching.")
    boolean offline;

    /** True when --offline was given, here or before the subcommand ("tidings --offline list"). */
    boolean offline() {
        for (CommandSpec s = spec; s != null; s = s.parent()) {
            Object o = s.userObject();
            CommonOptions c = o instanceof TidingsCommand ? ((TidingsCommand) o).common
                    : o instanceof CollectionsCommand ? ((CollectionsCommand) o).common : null;
            if (c != null && c.offline) {
                return true;
            }
        }
        return offline;
    }

    /** The collections file this run uses. */
    java.nio.file.Path collectionsPath() {
        String option = collectionsFile;
        // given before the subcommand ("tidings collections --collections-file F create X")? look up
        for (CommandSpec s = spec.parent(); option == null && s != null; s = s.parent()) {
            Object o = s.userObject();
            CommonOptions parent = o instanceof TidingsCommand ? ((TidingsCommand) o).common
                    : o instanceof CollectionsCommand ? ((CollectionsCommand) o).common : null;
            if (parent != null) {
                option = parent.collectionsFile;
            }
        }
        return dev.tidings.app.CollectionsPath.resolve(option, env().vars);
    }

    /** Prints a store or collection problem and returns its exit code. */
    int storeError(Exception e) {
        err().println("tidings: " + dev.tidings.text.Sanitize.line(e.getMessage()));
        err().flush();
        return e instanceof dev.tidings.store.StoreException ? ExitCodes.STORE : ExitCodes.USAGE;
    }

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
        err().println("tidings: " + message + " (see '" + spec.qualifiedName() + " --help')");
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
