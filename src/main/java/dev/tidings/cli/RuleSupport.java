package dev.tidings.cli;

import dev.tidings.app.Headline;
import dev.tidings.app.HeadlineView;
import dev.tidings.app.IgnoreRules;
import dev.tidings.app.Subscribed;
import dev.tidings.model.SavedCollection;
import dev.tidings.model.Library;
import dev.tidings.rules.Rule;
import dev.tidings.rules.RuleException;
import dev.tidings.store.ReadState;
import dev.tidings.subs.Subscription;
import dev.tidings.text.Sanitize;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.PatternSyntaxException;

/**
 * What commands need to apply rules: the config's {@code ignore-article} lines read (a bad one is
 * one line on stderr, naming the file and line, and skipped) and the facts a rule may ask about
 * (read marks, collections, the urls file's tags), loaded only when some rule reads them.
 */
final class RuleSupport {
    private RuleSupport() {
    }

    /** The config's ignore-article rules; problems go to {@code err}, one line each. */
    static IgnoreRules ignores(Env env, PrintWriter err) {
        Path file = Config.dir(env.vars).resolve("config");
        List<IgnoreRules.Ignore> out = new ArrayList<>();
        for (Config.IgnoreLine l : Config.ignoreArticles(file)) {
            String where = "tidings: " + Sanitize.line(file.toString()) + ":" + l.line() + ": ";
            if (l.problem() != null) {
                err.println(where + l.problem() + "; ignore-article skipped");
                continue;
            }
            try {
                if (l.feed().regionMatches(true, 0, "regex:", 0, 6)) {
                    java.util.regex.Pattern.compile(l.feed().substring(6));
                }
                out.add(new IgnoreRules.Ignore(l.feed(), Rule.parse(l.rule(), Clock.systemUTC(), env.zone)));
            } catch (RuleException e) {
                err.println(where + e.getMessage() + "; ignore-article skipped");
            } catch (PatternSyntaxException e) {
                err.println(where + "bad feed pattern: " + Sanitize.line(e.getDescription()) + "; ignore-article skipped");
            }
        }
        err.flush();
        return IgnoreRules.of(out);
    }

    /** What a rule needs besides the entries; a missing read state or collections file counts as empty. */
    static HeadlineView.Context context(Env env, CommonOptions common, Predicate<String> mentioned, PrintWriter err) {
        HeadlineView.Context c = HeadlineView.Context.plain();
        if (mentioned.test("unread")) {
            ReadState read = new ReadState(ReadState.defaultPath(env.vars));
            try {
                read.load();
            } catch (dev.tidings.store.StoreException e) {
                err.println("tidings: " + Sanitize.line(e.getMessage()) + "; every article counts as unread");
            }
            c = c.withRead(e -> read.isRead(e.item().id(), e.item().link()));
        }
        if (mentioned.test("tags")) {
            Map<String, List<String>> tags = new HashMap<>();
            try {
                for (Subscription s : dev.tidings.subs.Subscriptions.load(Subscribed.urlsFile(env.vars)).subscriptions()) {
                    tags.put(s.url(), s.tags());
                }
            } catch (java.io.IOException e) {
                // reported by the command that reads the subscriptions
            }
            c = c.withFeedTags(tags::get);
        }
        if (mentioned.test("collection") || mentioned.test("saved")) {
            Library lib;
            try {
                lib = CollectionsCommand.store(common).readIndex();
            } catch (dev.tidings.store.StoreException e) {
                err.println("tidings: " + Sanitize.line(e.getMessage()) + "; no article counts as saved");
                lib = Library.EMPTY;
            }
            Library library = lib;
            c = new HeadlineView.Context(c.isRead(), e -> names(library.collectionsOf(e.item().id())), c.feedTags(),
                    c.fullItem());
        }
        return c;
    }

    private static List<String> names(List<SavedCollection> cs) {
        List<String> out = new ArrayList<>(cs.size());
        for (SavedCollection c : cs) {
            out.add(c.name());
        }
        return out;
    }

    /** The entries matching {@code where}; a rule that gave up says so once on {@code err}. */
    static List<Headline> where(Rule where, List<Headline> entries, HeadlineView.Context context, PrintWriter err) {
        List<Headline> out = new ArrayList<>();
        for (Headline e : entries) {
            if (where.test(new HeadlineView(e, context))) {
                out.add(e);
            }
        }
        String problem = where.takeProblem();
        if (problem != null) {
            err.println("tidings: " + Sanitize.line(problem));
        }
        return out;
    }

    /** Both kinds of rules applied: the config's ignores, then {@code where} when given. */
    static List<Headline> apply(IgnoreRules ignores, Rule where, List<Headline> entries, HeadlineView.Context context,
                             PrintWriter err) {
        List<Headline> kept = ignores.keep(entries, context);
        String problem = ignores.takeProblem();
        if (problem != null) {
            err.println("tidings: ignore-article: " + Sanitize.line(problem));
        }
        return where == null ? kept : where(where, kept, context, err);
    }

    /** Reads {@code --where}; null when not given. */
    static Rule parseWhere(String text, Env env) throws RuleException {
        return text == null ? null : Rule.parse(text, Clock.systemUTC(), env.zone);
    }

    /**
     * The rule of a {@code query:NAME} argument (the urls file's query feed of that name) or of a
     * {@code query:NAME:RULE} one.
     *
     * @throws IllegalArgumentException when no query feed has that name
     */
    static Rule query(Env env, String arg) throws RuleException {
        String rest = arg.substring(dev.tidings.subs.QueryFeed.PREFIX.length());
        String text;
        if (rest.indexOf(':') >= 0) {
            text = dev.tidings.subs.QueryFeed.of(arg, List.of()).rule();
        } else {
            text = null;
            try {
                for (dev.tidings.subs.QueryFeed q : dev.tidings.subs.Subscriptions.load(Subscribed.urlsFile(env.vars)).queries()) {
                    if (q.name().equalsIgnoreCase(rest.strip())) {
                        text = q.rule();
                    }
                }
            } catch (java.io.IOException e) {
                throw new IllegalArgumentException("cannot read the urls file: " + Sanitize.line(e.getMessage()));
            }
            if (text == null) {
                throw new IllegalArgumentException("no query feed named '" + Sanitize.line(rest) + "' in the urls file");
            }
        }
        return Rule.parse(text, Clock.systemUTC(), env.zone);
    }

    /** The entries matching at least one of {@code rules}. */
    static List<Headline> anyOf(List<Rule> rules, List<Headline> entries, HeadlineView.Context context, PrintWriter err) {
        List<Headline> out = new ArrayList<>();
        for (Headline e : entries) {
            HeadlineView v = new HeadlineView(e, context);
            for (Rule r : rules) {
                if (r.test(v)) {
                    out.add(e);
                    break;
                }
            }
        }
        for (Rule r : rules) {
            String problem = r.takeProblem();
            if (problem != null) {
                err.println("tidings: " + Sanitize.line(problem));
            }
        }
        return out;
    }
}
