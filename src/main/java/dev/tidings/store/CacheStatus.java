package dev.tidings.store;

/** How a cached feed's last fetch went; written to its meta file by {@link #wire()}. */
public enum CacheStatus {
    /** The last fetch succeeded (200 or 304). */
    OK("ok"),
    /** The server answered 410 Gone; the last body, if any, is kept for reading offline. */
    GONE("gone"),
    /** The last fetch failed; the previous body, if any, is kept. */
    ERROR("error");

    private final String wire;

    CacheStatus(String wire) {
        this.wire = wire;
    }

    /** The word in the meta file: "ok", "gone", "error". */
    public String wire() {
        return wire;
    }

    /** The status a meta file's word names, or null for anything else (the meta is then a miss). */
    static CacheStatus fromWire(String s) {
        for (CacheStatus c : values()) {
            if (c.wire.equals(s)) {
                return c;
            }
        }
        return null;
    }
}
