package dev.tidings.cli;

import dev.tidings.text.Sanitize;
import java.io.PrintWriter;
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

    /**
     * The command line for these arguments. Building picocli's model costs start-up time per
     * command, so when the first argument names a subcommand only that one is registered; help
     * and completion see them all.
     */
    static CommandLine commandLine(Env env, String... args) {
        CommandLine cl = new CommandLine(new TidingsCommand(env));
        String first = args.length > 0 ? args[0] : "";
        if (first.equals("list")) {
            cl.addSubcommand("list", new ListCommand());
        } else if (first.equals("dump")) {
            cl.addSubcommand("dump", new DumpCommand());
        } else if (first.equals("collections")) {
            cl.addSubcommand("collections", new CollectionsCommand());
        } else if (first.equals("read")) {
            cl.addSubcommand("read", new ReadCommand());
        } else if (first.equals("feeds")) {
            cl.addSubcommand("feeds", new FeedsCommand());
        } else if (first.equals("import")) {
            cl.addSubcommand("import", new ImportCommand());
        } else if (first.equals("export")) {
            cl.addSubcommand("export", new ExportCommand());
        } else if (first.equals("refresh")) {
            cl.addSubcommand("refresh", new RefreshCommand());
        } else {
            cl.addSubcommand("list", new ListCommand());
            cl.addSubcommand("dump", new DumpCommand());
            cl.addSubcommand("collections", new CollectionsCommand());
            cl.addSubcommand("read", new ReadCommand());
            cl.addSubcommand("feeds", new FeedsCommand());
            cl.addSubcommand("import", new ImportCommand());
            cl.addSubcommand("export", new ExportCommand());
            cl.addSubcommand("refresh", new RefreshCommand());
            cl.addSubcommand("generate-completion", new picocli.AutoComplete.GenerateCompletion());
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
