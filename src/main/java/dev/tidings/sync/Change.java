package dev.tidings.sync;

import java.util.Locale;

/**
 * One queued change to an item's state, made at {@code at} (milliseconds since the epoch).
 *
 * @param at    when the change was made (the conflict rule compares this)
 * @param op    what was done
 * @param hexId the item (16 hex digits)
 */
public record Change(long at, Op op, String hexId) {
    public enum Op {
        READ, UNREAD, STAR, UNSTAR;

        /** "read" for READ: the word the queue file and {@code tidings mark} use. */
        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Op of(String word) {
            for (Op o : values()) {
                if (o.word().equals(word)) {
                    return o;
                }
            }
            throw new IllegalArgumentException("unknown change '" + Account.show(word) + "' (known: read, unread, star, unstar)");
        }

        /** READ and UNREAD change the same flag; so do STAR and UNSTAR. */
        boolean sameFlag(Op other) {
            return (this == READ || this == UNREAD) == (other == READ || other == UNREAD);
        }
    }

    public Change {
        if (!ItemIds.isHex(hexId)) {
            throw new IllegalArgumentException("not an item id: '" + Account.show(hexId) + "'");
        }
    }

    String line() {
        return at + "\t" + op.word() + "\t" + hexId + "\n";
    }

    /** The change on this line, or null for a torn or foreign line. */
    static Change parse(String line) {
        String[] f = line.split("\t", -1);
        if (f.length != 3) {
            return null;
        }
        try {
            return new Change(Long.parseLong(f[0]), Op.of(f[1]), f[2]);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
