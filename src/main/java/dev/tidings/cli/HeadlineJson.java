package dev.tidings.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.tidings.app.Headline;
import dev.tidings.app.LoadedFeed;
import java.io.IOException;

/**
 * The one JSON shape of a headline, written by {@code list}, {@code dump} (which adds the
 * article's members after these) and {@code collections show}, as README's "Output for scripts"
 * documents it:
 *
 * <pre>
 * {"number": 1, "id": "…", "title": "…", "link": "https://…",
 *  "published": "2026-11-24T09:30:00Z", "updated": null,
 *  "feed": {"title": "…", "link": "…"}, "authors": ["…"], "categories": []}
 * </pre>
 *
 * A missing date is {@code null}; a link that is not http(s) is {@code ""}.
 */
final class HeadlineJson {
    private HeadlineJson() {
    }

    /** The headline as one object. */
    static void write(JsonGenerator g, Headline e) throws IOException {
        g.writeStartObject();
        members(g, e);
        g.writeEndObject();
    }

    /** The headline's members, inside an object the caller opened (and may add to). */
    static void members(JsonGenerator g, Headline e) throws IOException {
        g.writeNumberField("number", e.number());
        Json.line(g, "id", e.item().id());
        Json.line(g, "title", e.item().title());
        Json.link(g, "link", e.item().link());
        Json.instant(g, "published", e.item().published());
        Json.instant(g, "updated", e.item().updated());
        g.writeFieldName("feed");
        feed(g, e.feed());
        Json.strings(g, "authors", e.item().authors());
        Json.strings(g, "categories", e.item().categories());
    }

    /** A feed as an item names it: {@code {"title": "…", "link": "…"}}. */
    static void feed(JsonGenerator g, LoadedFeed f) throws IOException {
        g.writeStartObject();
        Json.line(g, "title", f.feed().title());
        Json.link(g, "link", f.feed().link());
        g.writeEndObject();
    }
}
