package dev.tidings.tui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each effect reaches its own handler; collection changes come back as events, failures too. */
class EffectRunnerTest {
    private final BlockingQueue<ReaderEvent> queue = new LinkedBlockingQueue<>();
    private final ReaderState state = Samples.state(100, 30);

    private ReaderEvent next() throws InterruptedException {
        ReaderEvent e = queue.poll(10, TimeUnit.SECONDS);
        assertThat(e).as("an event from the store thread").isNotNull();
        return e;
    }

    @Test
    void collectionChangesGoToTheStoreAndComeBackAsEvents(@TempDir Path dir) throws Exception {
        StoreWorker store = new StoreWorker(queue, e -> e);
        store.openStore(dir.resolve("collections.json"));
        assertThat(next()).isInstanceOf(ReaderEvent.Library.class); // the quick index
        assertThat(next()).isInstanceOf(ReaderEvent.Library.class); // the whole file
        EffectRunner runner = new EffectRunner(state, null, Map.of(), null, queue, store);

        assertThat(new Effect.Create("Later", state.visible().get(0)).accept(runner)).isFalse();
        ReaderEvent created = next();
        assertThat(created).isInstanceOfSatisfying(ReaderEvent.Library.class, l -> {
            assertThat(l.message()).isEqualTo("Created Later and saved the article to it");
            assertThat(l.library().find("Later")).isPresent();
        });

        String key = ((ReaderEvent.Library) created).library().find("Later").get().articles().get(0);
        new Effect.Remove("Later", key).accept(runner);
        assertThat(next()).isInstanceOfSatisfying(ReaderEvent.Library.class,
                l -> assertThat(l.message()).isEqualTo("Removed from Later"));

        // a change the store refuses is reported, not lost inside the store thread
        new Effect.Remove("Later", key).accept(runner);
        assertThat(next()).isInstanceOfSatisfying(ReaderEvent.StoreFailed.class, f -> {
            assertThat(f.message()).contains("has no article");
            assertThat(f.unusable()).isFalse();
        });
        new Effect.Delete("Nowhere").accept(runner);
        assertThat(next()).isInstanceOf(ReaderEvent.StoreFailed.class);
        store.finish();
    }

    @Test
    void redrawAsksForAFullRepaintAndCopyWritesOsc52() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        EffectRunner runner = new EffectRunner(state, null, Map.of(), out, queue, new StoreWorker(queue, e -> e));
        assertThat(new Effect.Redraw().accept(runner)).isTrue();
        assertThat(new Effect.Copy("https://example.org/a").accept(runner)).isFalse();
        String b64 = Base64.getEncoder().encodeToString("https://example.org/a".getBytes(StandardCharsets.UTF_8));
        assertThat(out.toString(StandardCharsets.US_ASCII)).isEqualTo("\u001b]52;c;" + b64 + "\u0007");
        assertThat(state.statusText()).startsWith("Copied to the clipboard");

        EffectRunner noTerminal = new EffectRunner(state, null, Map.of(), null, queue, new StoreWorker(queue, e -> e));
        new Effect.Copy("https://example.org/a").accept(noTerminal);
        assertThat(state.statusText()).isEqualTo("Copy is not available here");
    }

    @Test
    void theRunnerTakesEveryQueuedEffect() throws Exception {
        EffectRunner runner = new EffectRunner(state, null, Map.of(), null, queue, new StoreWorker(queue, e -> e));
        state.key(KeyMap.defaults().keysFor(Action.REDRAW).get(0));
        assertThat(runner.runAll()).isTrue();
        assertThat(state.drainEffects()).isEmpty();
    }

    @Test
    void sOnAHeadlineOrAnArticleQueuesAStarWhichNeedsASyncedAccount() throws Exception {
        EffectRunner runner = new EffectRunner(state, null, Map.of(), null, queue, new StoreWorker(queue, e -> e));
        state.key("s");
        List<Effect> effects = state.drainEffects();
        assertThat(effects).hasSize(1).first().isInstanceOf(Effect.Star.class);
        assertThat(((Effect.Star) effects.get(0)).entry()).isEqualTo(state.selectedEntry());
        assertThat(effects.get(0).accept(runner)).isFalse();
        assertThat(state.statusText()).isEqualTo("Starring needs a synced account ('tidings account add')");
        state.key("Enter");
        state.drainEffects();
        state.key("s");
        assertThat(state.drainEffects()).containsExactly(new Effect.Star(state.current()));
    }
}
