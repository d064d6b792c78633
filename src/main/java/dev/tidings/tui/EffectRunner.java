package dev.tidings.tui;

import dev.tidings.app.Headline;
import dev.tidings.app.ReaderMode;
import dev.tidings.text.Sanitize;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Carries out the {@link Effect}s the state queues, on the UI thread: one method per
 * effect (the compiler checks there is one for each), slow work handed to background threads
 * whose results come back as {@link ReaderEvent}s. Each method returns true when the whole screen
 * must be repainted.
 */
final class EffectRunner implements Effect.Visitor<Boolean> {
    private final ReaderState state;
    private final CellScreen screen;
    private final Map<String, String> env;
    private final OutputStream rawOut;
    private final BlockingQueue<ReaderEvent> queue;
    private final StoreWorker store;
    /** Subscriptions and article bodies: null without subscriptions. */
    private SubscriptionsFeeder feeder;
    private BodyCache bodies;
    private ReaderMode readerMode;
    /** open-with rules and send-to commands from the config. */
    private Launchers launchers = Launchers.NONE;
    /** Search over every cached article: null without subscriptions. */
    private ReaderSearch search;
    /** Synced accounts: null without any (starring is refused). */
    private ReaderSync sync;
    /** Feeds given on the command line: null with subscriptions. */
    private CommandLineFeeds commandLine;
    /** Lends the terminal to a text browser; null on a virtual terminal (tests). */
    private TtyHandOver handOver;
    /** The config's {@code browser} command, or null. */
    private String browser;
    /** {@code --offline}: reader mode only from the page cache. */
    private boolean offline;
    private final ExecutorService extractor = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "tidings-reader-mode");
        t.setDaemon(true);
        return t;
    });

    EffectRunner(ReaderState state, CellScreen screen, Map<String, String> env, OutputStream rawOut,
                 BlockingQueue<ReaderEvent> queue, StoreWorker store) {
        this.state = state;
        this.screen = screen;
        this.env = env;
        this.rawOut = rawOut;
        this.queue = queue;
        this.store = store;
    }

    /** With subscriptions: refreshes and article bodies go to these. */
    void subscriptions(SubscriptionsFeeder feeder, BodyCache bodies) {
        this.feeder = feeder;
        this.bodies = bodies;
    }

    /** On a real terminal: how a text browser gets it, the configured browser, and --offline. */
    void terminal(TtyHandOver handOver, String browser, boolean offline) {
        this.handOver = handOver;
        this.browser = browser;
        this.offline = offline;
    }

    /** Without subscriptions: r and R read these feeds again. */
    void commandLine(CommandLineFeeds feeds) {
        this.commandLine = feeds;
    }

    /** The config's open-with rules and send-to commands. */
    void launchers(Launchers launchers) {
        this.launchers = launchers;
    }

    /** With subscriptions: "/" on the feed list searches through this. */
    void search(ReaderSearch search) {
        this.search = search;
    }

    /** With synced accounts: stars are queued for them. */
    void sync(ReaderSync sync) {
        this.sync = sync;
    }

    /** Runs every queued effect; true when the screen must be repainted completely. */
    boolean runAll() throws IOException {
        boolean full = false;
        try {
            for (Effect effect : state.drainEffects()) {
                full |= effect.accept(this);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return full;
    }

    @Override
    public Boolean redraw(Effect.Redraw e) {
        return true;
    }

    /** OSC 52: the terminal puts the text on the clipboard, across SSH and (with passthrough) tmux. */
    @Override
    public Boolean copy(Effect.Copy e) {
        String url = e.url();
        if (rawOut == null) {
            state.status("Copy is not available here", true);
            return false;
        }
        String b64 = Base64.getEncoder().encodeToString(url.getBytes(StandardCharsets.UTF_8));
        String osc = "\u001b]52;c;" + b64 + "\u0007";
        StringBuilder seq = new StringBuilder(osc);
        if (!env.getOrDefault("TMUX", "").isEmpty()) {
            seq.append("\u001bPtmux;\u001b").append(osc).append("\u001b\\");
        }
        try {
            synchronized (rawOut) {
                rawOut.write(seq.toString().getBytes(StandardCharsets.US_ASCII));
                rawOut.flush();
            }
        } catch (IOException x) {
            throw new UncheckedIOException(x);
        }
        state.status("Copied to the clipboard (OSC 52): " + url, false);
        return false;
    }

    /**
     * The browser: a text browser (or any browser where there is no display) gets the terminal
     * until it exits, a graphical one starts beside us.
     */
    @Override
    public Boolean open(Effect.Open e) {
        String url = e.url();
        java.util.Optional<ProgramTemplate> rule = launchers.openWith(url, e.type());
        if (rule.isPresent()) {
            return run("open-with", rule.get(), rule.get().argv(url, e.title(), e.feed()));
        }
        List<String> argv = Browser.command(url, env, browser);
        if (argv == null) {
            state.status((Browser.overSsh(env) ? "No display over SSH" : "No browser found (set $BROWSER)")
                    + ": press y to copy the link, Y to show it", true);
            return false;
        }
        try {
            if (Browser.inTerminal(argv, env)) {
                if (handOver == null) {
                    state.status("No terminal to run " + argv.get(0) + " in", true);
                    return false;
                }
                int status = handOver.runInTerminal(argv);
                if (status != 0) {
                    state.status(argv.get(0) + " exited with status " + status, true);
                }
                return true;
            }
            Browser.startDetached(argv);
            state.status("Opened in " + argv.get(0) + ": " + url, false);
        } catch (IOException x) {
            state.status("Could not start " + argv.get(0) + ": " + Sanitize.line(x.getMessage()), true);
        } catch (InterruptedException x) {
            Thread.currentThread().interrupt();
        }
        return false;
    }

    /** A send-to command for a link. */
    @Override
    public Boolean sendTo(Effect.SendTo e) {
        java.util.Optional<Launchers.SendCommand> c = launchers.command(e.command());
        if (c.isEmpty()) {
            state.status("No send-to command '" + e.command() + "'", true);
            return false;
        }
        return run("send-to " + e.command(), c.get().program(), c.get().program().argv(e.url(), e.title(), e.feed()));
    }

    /**
     * Starts a configured program with its argument list (never a shell): beside the reader for
     * {@code @background}, else in the terminal the same way a text browser gets it, the reader
     * waiting. A missing program or a non-zero exit is a status-line message.
     */
    private boolean run(String what, ProgramTemplate program, List<String> argv) {
        String name = Sanitize.line(program.program());
        java.util.Optional<java.nio.file.Path> found = Launchers.locate(program.program(), env);
        if (found.isEmpty()) {
            state.status(what + ": program '" + name + "' not found", true);
            return false;
        }
        argv = new java.util.ArrayList<>(argv);
        argv.set(0, found.get().toString()); // the one found on our PATH, not another the JVM would pick
        try {
            if (program.background()) {
                Browser.startDetached(argv);
                state.status(what + ": started " + name, false);
                return false;
            }
            int code;
            if (handOver != null) {
                code = handOver.runInTerminal(argv); // the program owns the terminal until it exits
            } else { // no tty of our own (a virtual terminal): stop drawing while it runs
                screen.stopScreen();
                try {
                    code = new ProcessBuilder(argv).inheritIO().start().waitFor();
                } finally {
                    screen.startScreen();
                }
            }
            state.status(ProgramExit.message(what, name, code), code != 0);
            return true;
        } catch (IOException x) {
            state.status(what + ": could not start " + name + ": " + Sanitize.line(x.getMessage()), true);
        } catch (InterruptedException x) {
            Thread.currentThread().interrupt();
        }
        return false;
    }

    /** Reader mode in the background: fetch and extract, then post the result. */
    @Override
    public Boolean extract(Effect.Extract e) {
        Headline entry = e.entry();
        if (readerMode == null) {
            readerMode = new ReaderMode(null, ReaderMode.defaultCacheDir(env));
        }
        String id = entry.item().id();
        boolean cacheOnly = offline;
        extractor.submit(() -> {
            try {
                dev.tidings.model.Item article = cacheOnly ? readerMode.cachedArticle(entry.item())
                        : readerMode.article(entry.item());
                if (article == null) {
                    queue.offer(new ReaderEvent.ExtractFailed(id, "offline (--offline) and the page is not in the cache"));
                    return;
                }
                queue.offer(new ReaderEvent.Extracted(id, article));
            } catch (ReaderMode.Unreadable ex) {
                queue.offer(new ReaderEvent.ExtractFailed(id, ex.getMessage()));
            } catch (RuntimeException | OutOfMemoryError ex) {
                queue.offer(new ReaderEvent.ExtractFailed(id, String.valueOf(ex.getMessage())));
            }
        });
        return false;
    }

    @Override
    public Boolean refresh(Effect.Refresh e) {
        if (feeder != null) {
            feeder.refresh(e.urls());
        } else if (commandLine != null) {
            commandLine.reload(e.urls());
        }
        return false;
    }

    @Override
    public Boolean search(Effect.Search e) {
        if (search == null) {
            state.status("Searching every article needs subscriptions ('tidings feeds add URL')", false);
        } else {
            search.search(e.query(), e.headlines(), e.library());
        }
        return false;
    }

    @Override
    public Boolean loadBody(Effect.LoadBody e) {
        if (bodies != null) {
            bodies.load(e.entry().feed().source());
        }
        return false;
    }

    @Override
    public Boolean persistRead(Effect.PersistRead e) {
        store.persistRead(e.lines());
        return false;
    }

    @Override
    public Boolean toggle(Effect.Toggle e) {
        store.toggle(e);
        return false;
    }

    @Override
    public Boolean create(Effect.Create e) {
        store.create(e);
        return false;
    }

    @Override
    public Boolean rename(Effect.Rename e) {
        store.rename(e);
        return false;
    }

    @Override
    public Boolean delete(Effect.Delete e) {
        store.delete(e);
        return false;
    }

    @Override
    public Boolean remove(Effect.Remove e) {
        store.remove(e);
        return false;
    }

    /** s: flips the star in memory now, queues the change on the store worker. */
    @Override
    public Boolean star(Effect.Star e) {
        if (sync == null) {
            state.status("Starring needs a synced account ('tidings account add')", false);
            return false;
        }
        String[] why = new String[1];
        dev.tidings.sync.Change c = sync.star(e.entry(), System.currentTimeMillis(), why);
        if (c == null) {
            state.status(why[0], false);
            return false;
        }
        String account = why[0];
        state.status((c.op() == dev.tidings.sync.Change.Op.STAR ? "Starred" : "Unstarred")
                + " (sent at the next sync: R)", false);
        store.queueChange(sync, account, c);
        return false;
    }
}
