package dev.tidings.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.tidings.fuzz.Budget;
import dev.tidings.model.Feed;
import dev.tidings.model.Item;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.zip.CRC32;
import org.junit.jupiter.api.BeforeAll;

/**
 * Fuzz target for the headline index reader ({@link HeadlineIndex#read}); here, not in
 * {@code dev.tidings.fuzz}, because the index is package-private. The input is what follows the
 * fixed header (magic, version, body length and hash): the target frames it with that header and
 * a correct CRC-32, so the fuzzer reaches the records instead of failing the checksum.
 * {@code HeadlineIndexFuzzTestInputs/read/} holds indexes written from the sample feeds, so framed.
 *
 * <p>The contract checked: read never throws (damage is null); one input costs at most
 * {@link Budget}; what it returns holds no control characters in one-line fields and survives
 * being written and read again unchanged.
 */
class HeadlineIndexFuzzTest {
    static final long BODY_LENGTH = 4242;
    static final byte[] BODY_SHA = new byte[32];
    /** "TIDX", the version, the body length and SHA-256: what {@link #frame} puts before the input. */
    static final int HEADER = 4 + 1 + 8 + 32;

    static {
        Arrays.fill(BODY_SHA, (byte) 0x5a);
    }

    @BeforeAll
    static void loadClasses() throws Exception {
        Feed f = new Feed(dev.tidings.model.FeedFormat.RSS_20, "t", "https://a.example/", "", "",
                java.util.List.of(new Item("1", "a", "https://a.example/1", java.time.Instant.EPOCH, null,
                        java.util.List.of("x"), java.util.List.of("y"), "", "", java.util.List.of(), java.util.List.of())));
        byte[] idx = HeadlineIndex.write(f, BODY_LENGTH, BODY_SHA);
        check(Arrays.copyOfRange(idx, HEADER, idx.length - 4));
    }

    @FuzzTest(maxDuration = "10m")
    void read(byte[] records) throws Exception {
        check(records);
    }

    private static void check(byte[] records) throws Exception {
        byte[] index = frame(records);
        Budget.check(() -> {
            Feed feed = HeadlineIndex.read(index, BODY_LENGTH, BODY_SHA);
            if (feed == null) {
                return;
            }
            Budget.assertPrintable("feed title", feed.title(), false);
            for (Item i : feed.items()) {
                Budget.assertPrintable("item id", i.id(), false);
                Budget.assertPrintable("item title", i.title(), false);
                Budget.assertPrintable("item link", i.link(), false);
                i.authors().forEach(a -> Budget.assertPrintable("author", a, false));
                i.categories().forEach(c -> Budget.assertPrintable("category", c, false));
            }
            Feed again = HeadlineIndex.read(HeadlineIndex.write(feed, BODY_LENGTH, BODY_SHA), BODY_LENGTH, BODY_SHA);
            assertThat(again).as("an index read, written and read again").isEqualTo(feed);
        });
    }

    /** The header for {@link #BODY_LENGTH} and {@link #BODY_SHA}, the records, and their CRC-32. */
    static byte[] frame(byte[] records) {
        ByteBuffer b = ByteBuffer.allocate(HEADER + records.length + 4);
        b.put(new byte[] {'T', 'I', 'D', 'X', (byte) HeadlineIndex.VERSION});
        b.putLong(BODY_LENGTH);
        b.put(BODY_SHA);
        b.put(records);
        CRC32 crc = new CRC32();
        crc.update(b.array(), 0, b.position());
        b.putInt((int) crc.getValue());
        return b.array();
    }
}
