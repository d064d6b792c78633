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
        CommandLine cl = commandLine(env);
        cl.setOut(out);
        cl.setErr(err);
        return cl.execute(args);
    }

    static CommandLine commandLine(Env env) {
        CommandLine cl = new CommandLine(new TidingsCommand(env));
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setParameterExceptionHandler((ex, args) -> {
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
