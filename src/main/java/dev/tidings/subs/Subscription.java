package dev.tidings.subs;

import dev.tidings.text.Sanitize;
import dev.tidings.text.UrlKeys;
import dev.tidings.text.Urls;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One subscribed feed. {@code url} is an absolute http(s) URL without whitespace or controls;
 * {@code name} is the display name, "" when none; {@code tags} are one-line, non-empty, distinct,
 * in their original order, and never start with {@code !} or {@code ~} (those mean "hidden" and
 * "display name" in the urls file, so they are stripped to keep every value writable); a tag that
 * would read back as a setting ({@code max-items=3}) is not kept either. {@code settings} are the
 * feed's own ({@link FeedSettings}; never null).
 */
public record Subscription(String url, String name, List<String> tags, FeedSettings settings) {

    public Subscription {
        if (url == null || !Urls.isWeb(url) || !Sanitize.line(url).equals(url) || url.indexOf(' ') >= 0) {
            throw new IllegalArgumentException("not an http(s) URL: '" + Subscriptions.show(url) + "'");
        }
        if (UrlKeys.strip(url).hadKey()) { // the urls file never holds a key: strip it first (UrlKeys.strip)
            throw new IllegalArgumentException("the URL carries an API key ("
                    + UrlKeys.strip(url).parameter() + "=…); keys belong in the config, not in the urls file");
        }
        name = Sanitize.line(name);
        Set<String> clean = new LinkedHashSet<>();
        if (tags != null) {
            for (String t : tags) {
                String s = Sanitize.line(t);
                int i = 0;
                // spaces too: "~ ~x" must not leave "~x", which reads back as a name (issue #16, fuzzing)
                while (i < s.length() && (s.charAt(i) == '!' || s.charAt(i) == '~' || s.charAt(i) == ' ')) {
                    i++;
                }
                s = s.substring(i).strip();
                if (!s.isEmpty() && !FeedSettings.isSetting(s)) {
                    clean.add(s);
                }
            }
        }
        tags = List.copyOf(new ArrayList<>(clean));
        settings = settings == null ? FeedSettings.NONE : settings;
    }

    /** A feed with no settings of its own. */
    public Subscription(String url, String name, List<String> tags) {
        this(url, name, tags, FeedSettings.NONE);
    }

    public Subscription(String url) {
        this(url, "", List.of());
    }

    public Subscription withName(String newName) {
        return new Subscription(url, newName, tags, settings);
    }

    public Subscription withUrl(String newUrl) {
        return new Subscription(newUrl, name, tags, settings);
    }

    public Subscription withSettings(FeedSettings newSettings) {
        return new Subscription(url, name, tags, newSettings);
    }
}
