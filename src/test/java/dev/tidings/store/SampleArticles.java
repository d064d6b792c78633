package dev.tidings.store;

import dev.tidings.model.Image;
import dev.tidings.model.Item;
import dev.tidings.model.SavedArticle;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Saved articles for the store's tests, the writer process and the benchmark. */
final class SampleArticles {
    private SampleArticles() {
    }

    static final Instant PUBLISHED = Instant.parse("2026-11-24T07:30:00Z");
    static final Instant UPDATED = Instant.parse("2026-11-24T09:15:00Z");
    static final Instant SAVED = Instant.parse("2026-11-25T08:54:00Z");

    /** A small but complete article: every field the collections file keeps is set. */
    static SavedArticle article(String key) {
        Item item = new Item(key, "Headline " + key, "https://news.example.org/" + key, PUBLISHED, UPDATED,
                List.of("Ana Alvarez", "Bo Berg"), List.of("Climate", "Alps"), "",
                "<p>Body of " + key + " with <a href=\"https://example.org/a\">a link</a>.</p>", List.of(),
                List.of(new Image("https://img.example.org/" + key + ".jpg", "The valley at dawn", "AFP")));
        return new SavedArticle(key, item, "Tidings Sample News", "https://news.example.org/feed.xml", SAVED);
    }

    /** An article with a realistic body of about 2 KB: paragraphs, a figure, a heading, two links. */
    static SavedArticle realistic(String key, long seed, Instant published) {
        Random r = new Random(seed);
        StringBuilder html = new StringBuilder(2300);
        html.append("<p>").append(sentence(r, 28)).append(" <a href=\"https://news.example.org/related/")
                .append(r.nextInt(100_000)).append("\">").append(sentence(r, 4)).append("</a> ")
                .append(sentence(r, 18)).append("</p>\n");
        html.append("<figure><img src=\"https://img.example.org/").append(seed).append(".jpg\" alt=\"")
                .append(sentence(r, 6)).append("\"><figcaption>").append(sentence(r, 10))
                .append(" <span class=\"credit\">Reuters</span></figcaption></figure>\n");
        html.append("<p>").append(sentence(r, 40)).append("</p>\n");
        html.append("<h2>").append(sentence(r, 5)).append("</h2>\n");
        html.append("<p><strong>").append(sentence(r, 6)).append("</strong> ").append(sentence(r, 34))
                .append(" <em>").append(sentence(r, 5)).append("</em> ").append(sentence(r, 20)).append("</p>\n");
        html.append("<p>").append(sentence(r, 30)).append(" <a href=\"https://example.com/report-")
                .append(r.nextInt(1000)).append(".pdf\">the full report</a>.</p>\n");
        Item item = new Item(key, sentence(r, 9), "https://news.example.org/story/" + key, published, null,
                List.of(NAMES[r.nextInt(NAMES.length)]), List.of(WORDS[r.nextInt(WORDS.length)], "World"), "",
                html.toString(), List.of(),
                List.of(new Image("https://img.example.org/" + seed + ".jpg", sentence(r, 10), "Reuters")));
        return new SavedArticle(key, item, FEEDS[(int) (seed % FEEDS.length)], "https://news.example.org/feed-"
                + (seed % FEEDS.length) + ".xml", published.plusSeconds(3600));
    }

    private static final String[] NAMES = {"Ana Alvarez", "Bo Berg", "Chidi Okafor", "Dana Weiss", "Emil Nowak"};
    private static final String[] FEEDS = {"Tidings Sample News", "The Alpine Courier", "Harbour Daily",
        "Science Weekly", "City Desk"};
    private static final String[] WORDS = ("river valley council flood walls spring thaw engineers residents "
            + "mayor budget storm harbour ferry port trains schedule minister report climate glacier farmers "
            + "market prices election voters school teachers hospital nurses bridge repairs museum festival "
            + "scientists data survey winter snow energy grid solar wind turbines coast fishing quota")
            .split(" ");

    static String sentence(Random r, int words) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < words; i++) {
            String w = WORDS[r.nextInt(WORDS.length)];
            s.append(i == 0 ? Character.toUpperCase(w.charAt(0)) + w.substring(1) : w);
            s.append(i == words - 1 ? "." : i % 7 == 6 ? ", " : " ");
        }
        return s.toString();
    }

    /** Temp files a writer of {@code file} leaves when it dies before its rename. */
    static List<Path> tempFiles(Path file) throws IOException {
        List<Path> out = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(file.getParent(), "*.tmp")) {
            ds.forEach(out::add);
        }
        return out;
    }
}
