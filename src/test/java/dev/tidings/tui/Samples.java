package dev.tidings.tui;

import dev.tidings.app.Headline;
import dev.tidings.app.FeedLoader;
import dev.tidings.feed.Detail;
import dev.tidings.feed.FeedException;
import java.time.ZoneOffset;
import java.util.List;

/** The bundled sample as headlines, and a state over them. */
final class Samples {
    private Samples() {
    }

    static List<Headline> entries() {
        try {
            return FeedLoader.headlines(List.of(FeedLoader.loadSample(Detail.FULL)));
        } catch (FeedException e) {
            throw new AssertionError(e);
        }
    }

    static ReaderState state(int width, int height) {
        ReaderState s = new ReaderState(KeyMap.defaults(), ZoneOffset.UTC);
        s.setSize(width, height);
        s.setEntries(entries());
        return s;
    }

    static void keys(ReaderState s, String... names) {
        for (String n : names) {
            s.key(n);
        }
    }

    static void type(ReaderState s, String text) {
        text.codePoints().forEach(cp -> s.key(cp == ' ' ? "Space" : new String(Character.toChars(cp))));
    }
}
