package dev.tidings.tui;

import dev.tidings.app.Headline;
import dev.tidings.app.HeadlineView;
import dev.tidings.app.FeedLoader;
import dev.tidings.app.IgnoreRules;
import dev.tidings.app.LoadedFeed;
import dev.tidings.model.Feed;
import dev.tidings.model.FeedFormat;
import dev.tidings.model.Item;
import dev.tidings.rules.Rule;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Not a test: what rules cost (issue #13). Run by bench/rules-bench.sh:
 * {@code java -cp target/test-classes:target/classes dev.tidings.tui.RuleBench 100000}. Prints the
 * median of 5 runs (after 3 warm-ups) for: reading a 1 MB rule; a title/age rule over N entries;
 * a content rule over N/10 entries (bodies rendered to text); F then Enter on an N-entry headline
 * list; an ignore rule over N entries at start and on a reload (decided once per item); and one
 * catastrophic regex giving up over a 1 MB body.
 */
public final class RuleBench {
    private RuleBench() {
    }

    interface Work {
        void run() throws Exception;
    }

    static double median(Work w) throws Exception {
        for (int i = 0; i < 3; i++) {
            w.run();
        }
        double[] ms = new double[5];
        for (int i = 0; i < ms.length; i++) {
            long t = System.nanoTime();
            w.run();
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        java.util.Arrays.sort(ms);
        return ms[ms.length / 2];
    }

    static List<Headline> entries(int n) {
        List<Item> items = new ArrayList<>(n);
        Instant t = Instant.parse("2026-11-24T12:00:00Z");
        for (int i = 0; i < n; i++) {
            items.add(new Item("id-" + i, "Headline number " + i + (i % 7 == 0 ? " about Rust" : " about something else"),
                    "https://news.example.org/" + i, t.minusSeconds(600L * i), null, List.of("Desk"), List.of("news"), "",
                    "<p>Body " + i + " " + "with a paragraph of words that goes on ".repeat(40) + "</p>", List.of(), List.of()));
        }
        LoadedFeed feed = new LoadedFeed("https://bench.example/feed.xml",
                new Feed(FeedFormat.RSS_20, "Bench Feed", "", "", "", items), null);
        return FeedLoader.headlines(List.of(feed));
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        List<Headline> entries = entries(n);
        StringBuilder big = new StringBuilder();
        for (int i = 0; big.length() < 1_000_000; i++) {
            big.append(i == 0 ? "" : " or ").append("title = w").append(i);
        }
        String megabyte = big.toString();
        System.out.printf("parse a 1 MB rule: %.1f ms%n", median(() -> Rule.parse(megabyte)));

        Rule titleAge = Rule.parse("title =~ \"rust\" and age < 30d");
        HeadlineView.Context plain = HeadlineView.Context.plain();
        System.out.printf("title/age rule over %d entries: %.1f ms%n", n, median(() -> {
            for (Headline e : entries) {
                titleAge.test(new HeadlineView(e, plain));
            }
        }));
        Rule content = Rule.parse("content =~ \"goes on with\"");
        List<Headline> tenth = entries.subList(0, Math.max(1, n / 10));
        System.out.printf("content rule over %d entries (rendered to text): %.1f ms%n", tenth.size(), median(() -> {
            for (Headline e : tenth) {
                content.test(new HeadlineView(e, plain));
            }
        }));

        ReaderState s = new ReaderState(KeyMap.defaults(), ZoneOffset.UTC);
        s.setSize(100, 30);
        s.setEntries(entries);
        System.out.printf("F 'title =~ rust' Enter, then Esc, on %d headlines: %.1f ms%n", n, median(() -> {
            s.key("F");
            for (char c : "title =~ rust".toCharArray()) {
                s.key(c == ' ' ? "Space" : String.valueOf(c));
            }
            s.key("Enter");
            s.key("Esc");
        }));
        System.out.printf("S (next sort order) on %d headlines: %.1f ms%n", n, median(() -> s.key("S")));

        IgnoreRules ignore = IgnoreRules.of(List.of(new IgnoreRules.Ignore("*", Rule.parse("title =~ \"rust\""))));
        System.out.printf("ignore rule at start over %d entries: %.1f ms%n", n, median(() -> {
            ReaderState fresh = new ReaderState(KeyMap.defaults(), ZoneOffset.UTC);
            fresh.settings().setRules(ignore, List.of(), SortOrder.DATE_DESC);
            fresh.setEntries(entries);
        }));
        ReaderState kept = new ReaderState(KeyMap.defaults(), ZoneOffset.UTC);
        kept.settings().setRules(ignore, List.of(), SortOrder.DATE_DESC);
        kept.setEntries(entries);
        System.out.printf("ignore rule on a reload of the same %d entries: %.1f ms%n", n,
                median(() -> kept.setEntries(entries)));
        ReaderState none = new ReaderState(KeyMap.defaults(), ZoneOffset.UTC);
        System.out.printf("no rules, a reload of %d entries: %.1f ms%n", n, median(() -> none.setEntries(entries)));

        Rule slow = Rule.parse("content =~ \"(a+)+$\"");
        String text = "a".repeat(1_000_000) + "!";
        dev.tidings.rules.ItemView body = (dev.tidings.rules.ItemView) java.lang.reflect.Proxy.newProxyInstance(
                RuleBench.class.getClassLoader(), new Class<?>[] {dev.tidings.rules.ItemView.class},
                (proxy, method, margs) -> method.getName().equals("content") ? text : null);
        System.out.printf("catastrophic regex over 1 MB, giving up: %.1f ms%n", median(() -> slow.test(body)));
    }
}
