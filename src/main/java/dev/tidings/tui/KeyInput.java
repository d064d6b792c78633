package dev.tidings.tui;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.terminal.Terminal;
import java.io.IOException;
import java.util.concurrent.BlockingQueue;

/**
 * The input thread: keys from the terminal to the reader's queue, with the paste or mouse report
 * each marker character of {@link TtyInput} stands for. EOF or a read error (a dropped SSH link)
 * is posted as {@link ReaderEvent.Eof}, which quits.
 */
final class KeyInput {
    private KeyInput() {
    }

    static void start(Terminal terminal, TtyInput input, BlockingQueue<ReaderEvent> queue) {
        Thread t = new Thread(() -> {
            while (true) {
                KeyStroke k;
                try {
                    k = terminal.readInput();
                } catch (IOException | RuntimeException e) {
                    queue.offer(new ReaderEvent.Eof());
                    return;
                }
                if (k == null || k.getKeyType() == KeyType.EOF) {
                    queue.offer(new ReaderEvent.Eof());
                    return;
                }
                queue.offer(event(k, input));
            }
        }, "tidings-input");
        t.setDaemon(true);
        t.start();
    }

    /** A key, or the paste or mouse report its marker character stands for. */
    static ReaderEvent event(KeyStroke k, TtyInput input) {
        Character c = k.getKeyType() == KeyType.Character ? k.getCharacter() : null;
        if (c != null && (c == InputSplitter.PASTE || c == InputSplitter.MOUSE)) {
            Object e = input.nextEvent();
            if (e instanceof String) {
                return new ReaderEvent.Paste((String) e);
            }
            if (e instanceof InputSplitter.Mouse) {
                return new ReaderEvent.Mouse((InputSplitter.Mouse) e);
            }
            return new ReaderEvent.Tick(); // a marker without its event: nothing
        }
        return new ReaderEvent.Key(k);
    }
}
