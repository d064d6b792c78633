package dev.tidings.sync;

import java.nio.file.Path;
import java.util.List;

/** A separate process for ChangeQueueIT: appends COUNT changes, printing each id once it is acknowledged. */
public final class QueueWriterMain {
    private QueueWriterMain() {
    }

    public static void main(String[] args) throws Exception {
        ChangeQueue q = new ChangeQueue(Path.of(args[0]));
        long base = Long.parseLong(args[1]);
        int count = Integer.parseInt(args[2]);
        for (int i = 0; i < count; i++) {
            String hex = String.format("%016x", base + i);
            q.append(List.of(new Change(System.currentTimeMillis(), Change.Op.READ, hex)));
            System.out.println(hex);
            System.out.flush();
        }
    }
}
