package dev.tidings.render;

import dev.tidings.model.Enclosure;
import dev.tidings.model.Social;
import dev.tidings.text.Sanitize;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The whole article as styled lines for one width: title, a meta line (feed · author · date), the
 * enclosures ("Audio: audio/mpeg · 24.6 MB · 1:02:03 [4]"), the body, the numbered link list
 * (enclosure URLs after the body's links), and "Read more: URL". Shared by the TUI and {@code dump}.
 */
public final class ArticleRenderer {
    private ArticleRenderer() {
    }

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z", Locale.ROOT);

    /** The date as shown in article headers, e.g. "2026-11-24 09:30 UTC"; "date unknown" for null. */
    public static String formatDate(Instant date, ZoneId zone) {
        return date == null ? "date unknown" : DATE_TIME.format(date.atZone(zone));
    }

    /** The article header and body laid out at {@code width} (0: unwrapped). */
    public static List<Line> lines(Article a, int width, ZoneId zone) {
        List<Line> out = new ArrayList<>();
        header(a, width, zone, out);
        out.add(Line.BLANK);
        List<Line> body = Layout.lay(a.body().blocks(), width);
        out.addAll(body);
        footer(a, width, out);
        return out;
    }

    /** The title and meta lines, then the enclosures after a blank line. */
    public static void header(Article a, int width, ZoneId zone, List<Line> out) {
        String title = a.title().isEmpty() ? "(untitled)" : a.title();
        Layout.wrap(List.of(new Span(title, Style.TITLE)), width, "", "", null, out);
        List<String> meta = new ArrayList<>();
        if (!a.feedTitle().isEmpty()) {
            meta.add(a.feedTitle());
        }
        if (!a.authors().isEmpty()) {
            meta.add(String.join(", ", a.authors()));
        }
        meta.add(formatDate(a.date(), zone));
        meta.addAll(socialMeta(a.social()));
        Layout.wrap(List.of(new Span(String.join(" · ", meta), Style.META)), width, "", "", null, out);
        if (!a.social().contentWarning().isEmpty()) {
            Layout.wrap(List.of(new Span("Content warning: " + Sanitize.line(a.social().contentWarning()), Style.META)),
                    width, "", "", null, out);
        }
        enclosures(a, width, out);
    }

    /** One line per enclosure, its URL a footnote in the link list: "Video: video/mp4 · 9.8 MB · 1:35 [3]". */
    private static void enclosures(Article a, int width, List<Line> out) {
        if (a.enclosures().isEmpty()) {
            return;
        }
        out.add(Line.BLANK);
        for (Enclosure e : a.enclosures()) {
            int n = a.footnote(e);
            Layout.wrap(List.of(new Span(EnclosureText.describe(e) + " ", Style.META),
                    new Span("[" + n + "]", Style.LINK_REF, n)), width, "", "  ", null, out);
        }
    }

    /** "120 points", "45 comments", "boosted by @ana": what the header shows after the date. */
    static List<String> socialMeta(Social s) {
        List<String> out = new ArrayList<>(3);
        if (s.points() >= 0) {
            out.add(s.points() == 1 ? "1 point" : s.points() + " points");
        }
        if (s.comments() >= 0) {
            out.add(s.comments() == 1 ? "1 comment" : s.comments() + " comments");
        }
        if (!s.boostedBy().isEmpty()) {
            out.add("boosted by " + Sanitize.line(s.boostedBy()));
        }
        return out;
    }

    /** The link list and the read-more line. */
    public static void footer(Article a, int width, List<Line> out) {
        List<String> links = a.links();
        if (!links.isEmpty()) {
            out.add(Line.BLANK);
            out.add(Line.of("Links", Style.SECTION));
            for (int i = 0; i < links.size(); i++) {
                String ref = "[" + (i + 1) + "] ";
                List<Line> tmp = new ArrayList<>();
                Layout.hardSplit(ref + Sanitize.line(links.get(i)), width, Style.LINK_URL, tmp);
                for (int k = 0; k < tmp.size(); k++) {
                    String t = tmp.get(k).text();
                    if (k == 0) {
                        out.add(new Line(List.of(new Segment(ref, Style.LINK_REF),
                                new Segment(t.substring(ref.length()), Style.LINK_URL))));
                    } else {
                        out.add(Line.of(t, Style.LINK_URL));
                    }
                }
            }
        }
        if (!a.link().isEmpty()) {
            out.add(Line.BLANK);
            List<Line> tmp = new ArrayList<>();
            Layout.hardSplit("Read more: " + Sanitize.line(a.link()), width, Style.LINK_URL, tmp);
            out.addAll(tmp);
        }
        String comments = a.social().commentsLink();
        if (!comments.isEmpty() && !comments.equals(a.link())) {
            if (a.link().isEmpty()) {
                out.add(Line.BLANK);
            }
            List<Line> tmp = new ArrayList<>();
            Layout.hardSplit("Comments: " + Sanitize.line(comments), width, Style.LINK_URL, tmp);
            out.addAll(tmp);
        }
    }
}
