package dev.tidings.cli;

import dev.tidings.text.Sanitize;
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
        PrintWriter out = Terminal.stdout();
        PrintWriter err = Terminal.stderr();
        int code = run(args, Env.system(), out, err);
        out.flush();
        err.flush();
        System.exit(code);
    }

    /** Runs Tidings as the command line would, with the given streams: what tests call. */
    static int run(String[] args, Env env, PrintWriter out, PrintWriter err) {
        CommandLine cl = commandLine(env, args);
        cl.setOut(out);
        cl.setErr(err);
        return cl.execute(args);
    }

    /** The subcommands, by name; each is built only when it is used. */
    private static final Map<String, Supplier<Object>> SUBCOMMANDS = subcommands();

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
        m.put("generate-completion", picocli.AutoComplete.GenerateCompletion::new);
        return m;
    }

    /** The names of the subcommands. */
    static java.util.Set<String> commandNames() {
        return SUBCOMMANDS.keySet();
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
            if (SUBCOMMANDS.containsKey(a)) {
                named = a;
                break;
            }
            help |= a.equals("-h") || a.equals("--help") || a.equals("help");
        }
        if (named != null) {
            cl.addSubcommand(named, SUBCOMMANDS.get(named).get());
        } else if (help) {
            SUBCOMMANDS.forEach((name, command) -> cl.addSubcommand(name, command.get()));
        }
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setParameterExceptionHandler((ex, unused) -> {
            CommandLine c = ex.getCommandLine();
            String name = c.getCommandSpec().qualifiedName();
            c.getErr().println("tidings: " + Sanitize.line(ex.getMessage()) + " (see '" + name + " --help')");
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
            String what = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
            err.println("tidings: internal error: " + Sanitize.line(what)
                    + (debug ? "" : " (run with --debug for details)"));
            if (debug) {
                ex.printStackTrace(err);
            }
            err.flush();
            return ExitCodes.INTERNAL;
        });
        return cl;
    }
}
