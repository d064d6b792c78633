package dev.tidings.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.tidings.app.Headline;
import dev.tidings.app.Saved;
import dev.tidings.model.SavedCollection;
import dev.tidings.model.Library;
import dev.tidings.store.StoreException;
import dev.tidings.text.Sanitize;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code collections show NAME}. */
@Command(name = "show", mixinStandardHelpOptions = true,
        description = "The articles in a collection, numbered as 'dump --collection NAME --item N' takes them.")
final class CollectionsShow implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Parameters(paramLabel = "NAME")
    String name;

    @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT", description = "text, tsv or json.")
    String format;

    @Override
    public Integer call() {
        try {
            Found found = find(common, name);
            if (found == null) {
                return ExitCodes.USAGE;
            }
            SavedCollection c = found.collection();
            List<Headline> entries = found.entries();
            PrintWriter out = common.out();
            switch (format) {
                case "json":
                    try (JsonGenerator g = Json.generator(out, true)) {
                        g.writeStartObject();
                        Json.line(g, "name", c.name());
                        Json.instant(g, "created", c.created());
                        g.writeArrayFieldStart("items");
                        for (Headline e : entries) {
                            HeadlineJson.write(g, e);
                        }
                        g.writeEndArray();
                        g.writeEndObject();
                    }
                    out.println();
                    break;
                case "tsv":
                    for (Headline e : entries) {
                        out.println(e.number() + "\t" + (e.item().date() == null ? "" : e.item().date()) + "\t"
                                + Sanitize.line(e.item().title()) + "\t" + Sanitize.line(e.feed().name()) + "\t"
                                + dev.tidings.text.Urls.web(e.item().link()) + "\t" + Sanitize.line(e.item().id()));
                    }
                    break;
                case "text":
                    if (entries.isEmpty()) {
                        out.println("Collection '" + Sanitize.line(c.name()) + "' is empty.");
                    }
                    for (Headline e : entries) {
                        out.println(String.format("%" + String.valueOf(entries.size()).length() + "d  %s  %s  — %s",
                                e.number(), Formats.day(e.item().date(), common.env().zone),
                                Sanitize.line(e.item().title()), Sanitize.line(e.feed().name())));
                    }
                    break;
                default:
                    return common.usage("--format must be text, tsv or json, was " + Sanitize.line(format));
            }
            out.flush();
            return ExitCodes.OK;
        } catch (StoreException e) {
            return common.storeError(e);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A collection and its saved articles as entries, numbered as 'dump --collection NAME --item N' takes them. */
    record Found(SavedCollection collection, List<Headline> entries) {
    }

    /** The collection named {@code name}; null after the one-line "no collection named" error (exit code 2). */
    static Found find(CommonOptions common, String name) throws StoreException {
        Library lib = CollectionsCommand.store(common).read();
        SavedCollection c = lib.find(name).orElse(null);
        if (c == null) {
            common.usage(noSuch(lib, name));
            return null;
        }
        return new Found(c, Saved.entries(lib, c));
    }

    static String noSuch(Library lib, String name) {
        List<String> known = lib.collections().stream().map(SavedCollection::name).toList();
        return "no collection named '" + Sanitize.line(name) + "'"
                + (known.isEmpty() ? "; there are no collections yet" : ". Known: " + String.join(", ", known));
    }
}
