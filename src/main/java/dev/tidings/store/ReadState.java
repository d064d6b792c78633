package dev.tidings.store;

import dev.tidings.io.AppendLog;
import dev.tidings.text.Sanitize;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Which articles were read, kept across runs in an append-only log
 * ({@code $XDG_DATA_HOME/tidings/read-state}): one line per change, {@code R<TAB>id<TAB>link} or
 * {@code U<TAB>id<TAB>link}. Appending one short line under a lock is cheap (marking read costs no
 * visible delay), two processes appending at once lose nothing, and a kill -9 can at worst leave a
 * half line at the end, which is ignored. An article counts as read when its id or its link was
 * marked, so feeds that reorder or re-send items do not bring read articles back.
 */
public final class ReadState {
    private static final long COMPACT_BYTES = 4L * 1024 * 1024;

    private final AppendLog log;
    private final Set<String> ids = new HashSet<>();
    private final Set<String> links = new HashSet<>();

    public ReadState(Path file) {
        this.log = new AppendLog(file);
    }

    public Path file() {
        return log.file();
    }

    /** Reads the log (again): what every process has marked so far. A missing file is an empty state. */
    public synchronized void load() throws StoreException {
        ids.clear();
        links.clear();
        String text;
        try {
            text = log.read();
        } catch (IOException e) {
            throw new StoreException(StoreException.Kind.IO, file() + ": cannot read (" + Sanitize.line(e.getMessage()) + ")", e);
        }
        replay(text, ids, links);
    }

    private static void replay(String text, Set<String> ids, Set<String> links) {
        for (String line : AppendLog.lines(text)) {
            String[] f = line.split("\t", -1);
            if (f.length != 3 || !(f[0].equals("R") || f[0].equals("U"))) {
                continue;
            }
            boolean read = f[0].equals("R");
            if (!f[1].isEmpty()) {
                if (read) {
                    ids.add(f[1]);
                } else {
                    ids.remove(f[1]);
                }
            }
            if (!f[2].isEmpty()) {
                if (read) {
                    links.add(f[2]);
                } else {
                    links.remove(f[2]);
                }
            }
        }
    }

    /** True when the article with this id or link was marked read. */
    public synchronized boolean isRead(String id, String link) {
        return (!id.isEmpty() && ids.contains(id)) || (!link.isEmpty() && links.contains(link));
    }

    /** Marks in memory only (the caller persists with {@link #append}); returns the line to append. */
    public synchronized String mark(String id, String link, boolean read) {
        String i = clean(id);
        String l = clean(link);
        if (read) {
            if (!i.isEmpty()) {
                ids.add(i);
            }
            if (!l.isEmpty()) {
                links.add(l);
            }
        } else {
            ids.remove(i);
            links.remove(l);
        }
        return (read ? "R" : "U") + "\t" + i + "\t" + l + "\n";
    }

    private static String clean(String s) {
        return Sanitize.line(s).replace('\t', ' ');
    }

    /** Appends change lines to the log under its lock (one write), compacting it when it has grown large. */
    public void append(String lines) throws StoreException {
        try {
            log.append(lines, size -> {
                if (size > COMPACT_BYTES) {
                    compact();
                }
            });
        } catch (IOException e) {
            throw new StoreException(StoreException.Kind.IO, file() + ": cannot save read state ("
                    + Sanitize.line(e.getMessage()) + ")", e);
        }
    }

    /** Rewrites the log as one line per read article (under the append's lock), atomically. */
    private void compact() throws IOException {
        Set<String> i = new HashSet<>();
        Set<String> l = new HashSet<>();
        replay(log.read(), i, l);
        StringBuilder sb = new StringBuilder();
        for (String id : i) {
            sb.append("R\t").append(id).append("\t\n");
        }
        for (String link : l) {
            sb.append("R\t\t").append(link).append('\n');
        }
        log.rewrite(sb.toString());
    }

    /** $XDG_DATA_HOME/tidings/read-state, else ~/.local/share/tidings/read-state. */
    public static Path defaultPath(Map<String, String> env) {
        String xdg = env.get("XDG_DATA_HOME");
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg, "tidings", "read-state");
        }
        return Path.of(env.getOrDefault("HOME", System.getProperty("user.home", ".")), ".local", "share", "tidings",
                "read-state");
    }
}
