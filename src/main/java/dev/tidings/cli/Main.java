package dev.tidings.cli;

import dev.tidings.text.Sanitize;
import dev.tidings.text.UrlKeys;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine;

/** Entry point: builds the command line, maps errors to one stderr line and an exit code. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        Output stdout = new Output(new FileOutputStream(FileDescriptor.out));
        PrintWriter err = Terminal.stderr();
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> fatal(e, err, debug(args)));
        int code;
        try {
            code = run(args, Env.system(), stdout, err);
        } catch (Error e) { // out of memory, stack overflow: one line too, never a JVM stack trace
            code = fatal(e, err, debug(args));
        }
        err.flush();
        System.exit(code);
    }

    /**
     * Runs Tidings writing to {@code stdout}, then flushes it: a write error that is not a closed
     * pipe is one line on stderr and exit 3, whatever the command returned.
     */
    static int run(String[] args, Env env, Output stdout, PrintWriter err) {
        PrintWriter out = Terminal.stdout(stdout);
        int code = run(args, env, out, err);
        out.flush();
        IOException failure = stdout.failure();
        if (failure == null || Output.isClosedPipe(failure)) {
            return code;
        }
        err.println("tidings: cannot write the output (" + Sanitize.line(describe(failure)) + ")");
        err.flush();
        return ExitCodes.UNREADABLE;
    }

    private static String describe(Throwable e) {
        return e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static boolean debug(String[] args) {
        for (String a : args) {
            if (a.equals("--debug")) {
                return true;
            }
        }
        return false;
    }

    /** What an Error (or an exception no one caught) says: one line, exit 1. */
    static int fatal(Throwable e, PrintWriter err, boolean debug) {
        try {
            err.println("tidings: " + oneLine(e) + (debug ? "" : " (run with --debug for details)"));
            if (debug) {
                e.printStackTrace(err);
            }
            err.flush();
        } catch (Throwable ignored) { // NOPMD: nothing is left to report with
            // even printing failed (out of memory again): the exit code still says it
        }
        return ExitCodes.INTERNAL;
    }

    /** "out of memory (...)" or "internal error: ..." for a throwable and its causes. */
    static String oneLine(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof OutOfMemoryError) {
                return "out of memory (" + Sanitize.line(describe(c)) + "); an input may be larger than this JVM's"
                        + " heap allows: try TIDINGS_JAVA_OPTS=-Xmx1g";
            }
            if (c instanceof StackOverflowError) {
                return "internal error: stack overflow";
            }
        }
        return "internal error: " + Sanitize.line(describe(e));
    }

    /** Runs Tidings as the command line would, with the given streams: what tests call. */
    static int run(String[] args, Env env, PrintWriter out, PrintWriter err) {
        try {
            Integer reader = TidingsCommand.withoutOptions(env, args, err);
            if (reader != null) {
                return reader;
            }
        } catch (RuntimeException e) { // as picocli's handler below words it (no --debug was given)
            err.println("tidings: " + UrlKeys.redact(oneLine(e)) + " (run with --debug for details)");
            err.flush();
            return ExitCodes.INTERNAL;
        }
        CommandLine cl = commandLine(env, args);
        cl.setOut(out);
        cl.setErr(err);
        return cl.execute(args);
    }

    /**
     * The subcommands, by name; each is built only when it is used, and the table itself only when
     * there are arguments to look up in it (its fourteen lambdas cost a bare {@code tidings} a few ms).
     */
    private static final class Subcommands {
        static final Map<String, Supplier<Object>> ALL = subcommands();
    }

    private static Map<String, Supplier<Object>> subcommands() {
        Map<String, Supplier<Object>> m = new LinkedHashMap<>();
        m.put("list", ListCommand::new);
        m.put("dump", DumpCommand::new);
        m.put("collections", CollectionsCommand::new);
        m.put("read", ReadCommand::new);
        m.put("feeds", FeedsCommand::new);
        m.put("import", ImportCommand::new);
        m.put("export", ExportCommand::new);
        m.put("account", AccountCommand::new);
        m.put("sync", SyncCommand::new);
        m.put("mark", MarkCommand::new);
        m.put("refresh", RefreshCommand::new);
        m.put("search", SearchCommand::new);
        m.put("cache", CacheCommand::new);
        m.put("generate-completion", picocli.AutoComplete.GenerateCompletion::new);
        return m;
    }

    /** The names of the subcommands. */
    static java.util.Set<String> commandNames() {
        return Subcommands.ALL.keySet();
    }

    /**
     * The command line for these arguments. Building picocli's model costs start-up time per
     * command, so only the subcommand the arguments name is registered; the reader itself (no
     * subcommand) registers none, and help sees them all.
     */
    static CommandLine commandLine(Env env, String... args) {
        CommandLine cl = new CommandLine(new TidingsCommand(env));
        String named = null;
        boolean help = false;
        for (String a : args) {
            if (a.equals("--")) {
                break;
            }
            if (Subcommands.ALL.containsKey(a)) {
                named = a;
                break;
            }
            help |= a.equals("-h") || a.equals("--help") || a.equals("help");
        }
        if (named != null) {
            cl.addSubcommand(named, Subcommands.ALL.get(named).get());
        } else if (help) {
            Subcommands.ALL.forEach((name, command) -> cl.addSubcommand(name, command.get()));
        }
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setParameterExceptionHandler((ex, unused) -> {
            CommandLine c = ex.getCommandLine();
            String name = c.getCommandSpec().qualifiedName();
            c.getErr().println("tidings: " + Sanitize.line(UrlKeys.redact(ex.getMessage())) + " (see '" + name
                    + " --help')");
            c.getErr().flush();
            return ExitCodes.USAGE;
        });
        cl.setExecutionExceptionHandler((ex, c, parseResult) -> {
            boolean debug = parseResult.hasMatchedOption("--debug")
                    || (parseResult.subcommand() != null && parseResult.subcommand().hasMatchedOption("--debug"));
            PrintWriter err = c.getErr();
            if (ex instanceof InterruptedException) {
                return ExitCodes.INTERRUPTED;
            }
            err.println("tidings: " + UrlKeys.redact(oneLine(ex)) + (debug ? "" : " (run with --debug for details)"));
            if (debug) { // API keys typed into URLs never reach a stack trace's messages either
                java.io.StringWriter trace = new java.io.StringWriter();
                ex.printStackTrace(new PrintWriter(trace));
                err.print(UrlKeys.redact(trace.toString()));
            }
            err.flush();
            return ExitCodes.INTERNAL;
        });
        return cl;
    }
}
