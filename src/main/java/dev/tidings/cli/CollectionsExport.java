package dev.tidings.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.tidings.app.Headline;
import dev.tidings.model.SavedCollection;
import dev.tidings.render.MarkdownWriter;
import dev.tidings.store.StoreException;
import dev.tidings.text.Sanitize;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code collections export NAME --format json|markdown|opml|atom}. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write a collection as JSON, Markdown, OPML (a list of links) or an Atom feed.")
final class CollectionsExport implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Parameters(paramLabel = "NAME")
    String name;

    @Option(names = "--format", defaultValue = "json", paramLabel = "FORMAT",
            description = "json, markdown, opml or atom (default: ${DEFAULT-VALUE}).")
    String format;

    @Override
    public Integer call() {
        try {
            CollectionsShow.Found found = CollectionsShow.find(common, name);
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
                        g.writeNumberField("version", 1);
                        g.writeObjectFieldStart("feed");
                        Json.line(g, "title", c.name());
                        Json.line(g, "link", "");
                        g.writeEndObject();
                        g.writeArrayFieldStart("items");
                        for (Headline e : entries) {
                            DumpCommand.item(g, e);
                        }
                        g.writeEndArray();
                        g.writeEndObject();
                    }
                    out.println();
                    break;
                case "markdown":
                    out.println("# " + MarkdownWriter.escape(c.name()));
                    out.println();
                    for (Headline e : entries) {
                        out.println("---");
                        out.println();
                        out.print(MarkdownWriter.write(DumpCommand.article(e), common.env().zone).replaceFirst("^# ", "## "));
                        out.println();
                    }
                    break;
                case "opml":
                    out.print(Exports.opml(c, entries));
                    break;
                case "atom":
                    out.print(Exports.atom(c, entries, Instant.now()));
                    break;
                default:
                    return common.usage("--format must be json, markdown, opml or atom, was " + Sanitize.line(format));
            }
            out.flush();
            return ExitCodes.OK;
        } catch (StoreException e) {
            return common.storeError(e);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
