package dev.tidings.app;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the collections file lives: {@code --collections-file}, else {@code TIDINGS_COLLECTIONS},
 * else {@code $XDG_DATA_HOME/tidings/collections.json}, else
 * {@code ~/.local/share/tidings/collections.json}.
 */
public final class CollectionsPath {
    private CollectionsPath() {
    }

    public static Path resolve(String option, Map<String, String> env) {
        if (option != null && !option.isBlank()) {
            return Path.of(option);
        }
        String fromEnv = env.get("TIDINGS_COLLECTIONS");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Path.of(fromEnv);
        }
        String xdg = env.get("XDG_DATA_HOME");
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg, "tidings", "collections.json");
        }
        String home = env.getOrDefault("HOME", System.getProperty("user.home", "."));
        return Path.of(home, ".local", "share", "tidings", "collections.json");
    }
}
