package dev.tidings.testing;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The environment of a Tidings process started by a test: HOME and every XDG directory point into
 * the test's temporary folder, and the variables that name a user's own files are removed, so a
 * test can never read or write the collections, subscriptions, caches or settings of whoever runs
 * {@code mvn verify}.
 */
public final class IsolatedHome {
    private IsolatedHome() {
    }

    /** Variables that name user files directly; removed from every child's environment. */
    public static final List<String> UNSET = List.of("TIDINGS_COLLECTIONS", "TIDINGS_TRACE", "XDG_RUNTIME_DIR",
            "XDG_CONFIG_DIRS", "XDG_DATA_DIRS", "BROWSER");

    /** HOME and the XDG base directories under {@code home}. */
    public static Map<String, String> vars(Path home) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("HOME", home.toString());
        v.put("XDG_CONFIG_HOME", home.resolve("config").toString());
        v.put("XDG_CACHE_HOME", home.resolve("cache").toString());
        v.put("XDG_DATA_HOME", home.resolve("data").toString());
        v.put("XDG_STATE_HOME", home.resolve("state").toString());
        return v;
    }

    /** Makes {@code env} (a ProcessBuilder's) isolated in {@code home}. */
    public static void apply(Map<String, String> env, Path home) {
        UNSET.forEach(env::remove);
        env.putAll(vars(home));
    }
}
