package dev.tidings.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.tidings.app.Headline;
import dev.tidings.app.FeedLoader;
import dev.tidings.app.LoadedFeed;
import dev.tidings.app.Saved;
import dev.tidings.feed.Detail;
import dev.tidings.feed.FeedException;
import dev.tidings.fetch.SourceException;
import dev.tidings.model.SavedCollection;
import dev.tidings.model.Library;
import dev.tidings.store.CollectionException;
import dev.tidings.store.CollectionStore;
import dev.tidings.store.StoreException;
import dev.tidings.text.Sanitize;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tidings collections ...}: named collections of saved articles, from the command line. */
@Command(name = "collections", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Save articles into named collections and read them offline.",
        subcommands = {
            CollectionsCommand.ListSub.class, CollectionsShow.class, CollectionsCommand.Create.class,
            CollectionsCommand.Rename.class, CollectionsCommand.Delete.class, CollectionsCommand.Add.class,
            CollectionsCommand.Remove.class, CollectionsExport.class, CollectionsCommand.MoveAside.class},
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {
            "0:success", "2:usage error (no such collection, bad name, no such item)",
            "3:a source could not be read", "4:not a valid feed", "5:collections file unusable"})
final class CollectionsCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Override
    public Integer call() {
        return new ListSub().run(common, "text");
    }

    static CollectionStore store(CommonOptions common) {
        return new CollectionStore(common.collectionsPath());
    }

    /** A change to the collections file. */
    interface Change {
        void apply(CollectionStore store) throws StoreException, CollectionException;
    }

    /** Applies a change, says what was done, and maps a failure to its one line and exit code. */
    static int change(CommonOptions common, Change change, String done) {
        try {
            change.apply(store(common));
            common.out().println(done);
            common.out().flush();
            return ExitCodes.OK;
        } catch (StoreException | CollectionException e) {
            return common.storeError(e);
        }
    }

    /** {@code collections list}. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "All collections, newest first, with item counts.")
    static final class ListSub implements Callable<Integer> {
        @Mixin
        CommonOptions common;

        @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT", description = "text or json.")
        String format;

        @Override
        public Integer call() {
            return run(common, format);
        }

        int run(CommonOptions c, String fmt) {
            Library lib;
            try {
                lib = store(c).readIndex(); // names, dates and counts: the quick read
            } catch (StoreException e) {
                return c.storeError(e);
            }
            PrintWriter out = c.out();
            if (fmt.equals("json")) {
                try (JsonGenerator g = Json.generator(out, true)) {
                    g.writeStartArray();
                    for (SavedCollection col : lib.newestFirst()) {
                        g.writeStartObject();
                        Json.line(g, "name", col.name());
                        g.writeNumberField("items", col.articles().size());
                        Json.instant(g, "created", col.created());
                        g.writeEndObject();
                    }
                    g.writeEndArray();
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
                out.println();
            } else if (!fmt.equals("text")) {
                return c.usage("--format must be text or json, was " + Sanitize.line(fmt));
            } else if (lib.collections().isEmpty()) {
                out.println("No collections yet. Create one with: tidings collections create NAME");
            } else {
                for (SavedCollection col : lib.newestFirst()) {
                    out.println(String.format("%4d  %s  %s", col.articles().size(),
                            Formats.day(col.created(), c.env().zone), Sanitize.line(col.name())));
                }
            }
            out.flush();
            return ExitCodes.OK;
        }
    }

    /** {@code collections create NAME}. */
    @Command(name = "create", mixinStandardHelpOptions = true, description = "Create an empty collection.")
    static final class Create implements Callable<Integer> {
        @Mixin
        CommonOptions common;

        @Parameters(paramLabel = "NAME", description = "1-100 characters, unique ignoring case.")
        String name;

        @Override
        public Integer call() {
            return change(common, store -> store.create(name),
                    "Created collection '" + Sanitize.line(name.strip()) + "'");
        }
    }

    /** {@code collections rename OLD NEW}. */
    @Command(name = "rename", mixinStandardHelpOptions = true, description = "Rename a collection.")
    static final class Rename implements Callable<Integer> {
        @Mixin
        CommonOptions common;

        @Parameters(index = "0", paramLabel = "OLD")
        String oldName;

        @Parameters(index = "1", paramLabel = "NEW")
        String newName;

        @Override
        public Integer call() {
            return change(common, store -> store.rename(oldName, newName),
                    "Renamed '" + Sanitize.line(oldName) + "' to '" + Sanitize.line(newName.strip()) + "'");
        }
    }

    /** {@code collections delete NAME}. */
    @Command(name = "delete", mixinStandardHelpOptions = true,
            description = "Delete a collection (articles no other collection holds go with it).")
    static final class Delete implements Callable<Integer> {
        @Mixin
        CommonOptions common;

        @Parameters(paramLabel = "NAME")
        String name;

        @Override
        public Integer call() {
            return change(common, store -> store.delete(name), "Deleted collection '" + Sanitize.line(name) + "'");
        }
    }

    /** {@code collections add NAME FEED --item N|--id ID}. */
    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Save an article from a feed into a collection (an offline copy is kept).")
    static final class Add implements Callable<Integer> {
        @Mixin
        CommonOptions common;

        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Parameters(index = "1", paramLabel = "FEED", description = "Feed file, '-' for stdin, or http(s) URL.")
        String feed;

        @Option(names = "--item", paramLabel = "N", description = "Item N as numbered by 'tidings list FEED'.")
        Integer item;

        @Option(names = "--id", paramLabel = "ID", description = "The item with this id.")
        String id;

        @Override
        public Integer call() {
            if ((item == null) == (id == null)) {
                return common.usage("give exactly one of --item N or --id ID");
            }
            Env env = common.env();
            String feed = env.keyless(List.of(this.feed), common.err()).get(0); // a key never reaches the file
            LoadedFeed loaded;
            try {
                loaded = env.loader().load(feed, Detail.FULL);
            } catch (SourceException e) {
                common.err().println("tidings: " + e.getMessage());
                return ExitCodes.UNREADABLE;
            } catch (FeedException e) {
                common.err().println("tidings: " + Sanitize.line(feed) + ": " + e.getMessage());
                return e instanceof dev.tidings.feed.ServiceErrorException ? ExitCodes.UNREADABLE : ExitCodes.INVALID_FEED;
            }
            List<Headline> entries = FeedLoader.headlines(List.of(loaded));
            Headline chosen = null;
            if (item != null) {
                if (item < 1 || item > entries.size()) {
                    return common.usage("--item " + item + ": there are " + entries.size() + " items");
                }
                chosen = entries.get(item - 1);
            } else {
                for (Headline e : entries) {
                    if (e.item().id().equals(id)) {
                        chosen = e;
                    }
                }
                if (chosen == null) {
                    return common.usage("--id " + Sanitize.line(id) + ": no item has this id");
                }
            }
            Headline saved = chosen;
            return change(common, store -> store.add(name, Saved.snapshot(saved, Instant.now())),
                    "Saved '" + Sanitize.line(saved.item().title()) + "' to '" + Sanitize.line(name)
                            + "' (id " + Sanitize.line(saved.item().id()) + ")");
        }
    }

    /** {@code collections remove NAME ID}. */
    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Remove an article from a collection.")
    static final class Remove implements Callable<Integer> {
        @Mixin
        CommonOptions common;

        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Parameters(index = "1", paramLabel = "ID", description = "The article's id, as 'collections show --format tsv' prints it.")
        String id;

        @Override
        public Integer call() {
            return change(common, store -> store.remove(name, id),
                    "Removed " + Sanitize.line(id) + " from '" + Sanitize.line(name) + "'");
        }
    }

    /** {@code collections move-aside}: the way out of a damaged file. */
    @Command(name = "move-aside", mixinStandardHelpOptions = true,
            description = "Rename a damaged collections file to a dated backup so Tidings can start a new one.")
    static final class MoveAside implements Callable<Integer> {
        @Mixin
        CommonOptions common;

        @Override
        public Integer call() {
            Path file = common.collectionsPath();
            try {
                Path backup = new CollectionStore(file).moveAside();
                if (backup == null) {
                    common.out().println("There is no collections file at " + file);
                } else {
                    common.out().println("Moved " + file + " to " + backup + "; a new file starts with the next save");
                }
                common.out().flush();
                return ExitCodes.OK;
            } catch (StoreException e) {
                return common.storeError(e);
            }
        }
    }

}
