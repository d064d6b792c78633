package dev.tidings.store;

import java.nio.file.Path;

/** A process that marks COUNT articles read one by one (each its own locked append): for ReadStateIT. */
public final class ReadStateMarkerMain {
    private ReadStateMarkerMain() {
    }

    public static void main(String[] args) throws Exception {
        ReadState state = new ReadState(Path.of(args[0]));
        String prefix = args[1];
        int count = Integer.parseInt(args[2]);
        for (int i = 0; i < count; i++) {
            state.append(state.mark(prefix + "-" + i, "https://example.org/" + prefix + "/" + i, true));
        }
    }
}
