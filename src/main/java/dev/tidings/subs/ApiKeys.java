package dev.tidings.subs;

import dev.tidings.text.Sanitize;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Where the keys of the news APIs come from, per service ({@code newsapi}, {@code gnews},
 * {@code guardian}), first found wins:
 *
 * <ol>
 * <li>the environment: {@code TIDINGS_NEWSAPI_KEY}, {@code TIDINGS_GNEWS_KEY}, {@code TIDINGS_GUARDIAN_KEY};</li>
 * <li>a key file named in the config ({@code newsapi-api-key-file = ~/.config/tidings/newsapi.key}):
 *     its first line; the file must be the user's own and readable by no one else (0600 or 0400);</li>
 * <li>the config itself ({@code newsapi-api-key = …}).</li>
 * </ol>
 *
 * Messages name the setting and the file, never the key.
 */
public final class ApiKeys {
    private ApiKeys() {
    }

    /** The services that take keys, by their settings name. */
    public static final List<String> SERVICES = List.of("newsapi", "gnews", "guardian");

    private static final int MAX_KEY_FILE = 4096;

    /** The config settings this class reads: {@code <service>-api-key} and {@code <service>-api-key-file}. */
    public static List<String> settings() {
        List<String> out = new ArrayList<>();
        for (String s : SERVICES) {
            out.add(s + "-api-key");
            out.add(s + "-api-key-file");
        }
        return out;
    }

    /** The environment variable for a service: {@code TIDINGS_NEWSAPI_KEY}. */
    public static String envVar(String service) {
        return "TIDINGS_" + service.toUpperCase(Locale.ROOT) + "_KEY";
    }

    /**
     * The keys found, by service, and one line for each setting that could not be used.
     *
     * @param keys     service name to key
     * @param problems e.g. "newsapi-api-key-file /home/a/k: readable by others (chmod 600 it); key not used"
     */
    public record Loaded(Map<String, String> keys, List<String> problems) {
        public Loaded {
            keys = Map.copyOf(keys);
            problems = List.copyOf(problems);
        }

        @Override
        public String toString() {
            return "Loaded[services=" + keys.keySet() + ", problems=" + problems + "]";
        }
    }

    /**
     * Finds the keys.
     *
     * @param config    the config file's settings
     * @param env       environment variables (HOME for {@code ~/} in file names)
     * @param configDir where relative key-file names point
     */
    public static Loaded load(Map<String, String> config, Map<String, String> env, Path configDir) {
        Map<String, String> keys = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (String service : SERVICES) {
            String fromEnv = env.get(envVar(service));
            if (fromEnv != null && !fromEnv.isBlank()) {
                keep(keys, problems, service, fromEnv.strip(), envVar(service));
                continue;
            }
            String file = config.get(service + "-api-key-file");
            if (file != null && !file.isBlank()) {
                String setting = service + "-api-key-file";
                Path path = path(file.strip(), env, configDir);
                try {
                    keep(keys, problems, service, readKeyFile(path), setting + " " + path);
                } catch (IOException e) {
                    problems.add(setting + " " + Sanitize.line(path.toString()) + ": " + Sanitize.line(e.getMessage())
                            + "; key not used");
                }
                continue;
            }
            String value = config.get(service + "-api-key");
            if (value != null && !value.isBlank()) {
                keep(keys, problems, service, value.strip(), service + "-api-key");
            }
        }
        return new Loaded(keys, problems);
    }

    private static void keep(Map<String, String> keys, List<String> problems, String service, String key, String from) {
        if (key.isEmpty() || key.chars().anyMatch(c -> c < 0x21 || c == 0x7f)) {
            problems.add(Sanitize.line(from) + ": the key is empty or holds spaces or control characters; key not used");
            return;
        }
        keys.put(service, key);
    }

    private static Path path(String name, Map<String, String> env, Path configDir) {
        if (name.startsWith("~/")) {
            return Path.of(env.getOrDefault("HOME", System.getProperty("user.home", ".")), name.substring(2));
        }
        Path p = Path.of(name);
        return p.isAbsolute() ? p : configDir.resolve(p);
    }

    /**
     * The first non-empty line of a key file that only its owner (this user) can read.
     *
     * @throws IOException with a one-line reason: missing, not a regular file, readable by others,
     *                     someone else's, too large, empty
     */
    static String readKeyFile(Path path) throws IOException {
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS) && !Files.exists(path)) {
            throw new NoSuchFileException("no such file");
        }
        if (!Files.isRegularFile(path)) {
            throw new IOException("not a regular file");
        }
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(path);
            if (perms.contains(PosixFilePermission.GROUP_READ) || perms.contains(PosixFilePermission.OTHERS_READ)
                    || perms.contains(PosixFilePermission.GROUP_WRITE)
                    || perms.contains(PosixFilePermission.OTHERS_WRITE)) {
                throw new IOException("readable or writable by others (chmod 600 it)");
            }
            String owner = Files.getOwner(path).getName();
            String me = System.getProperty("user.name");
            if (me != null && !owner.equals(me)) {
                throw new IOException("owned by " + Sanitize.line(owner) + ", not by you");
            }
        } catch (UnsupportedOperationException e) {
            // no POSIX permissions on this file system: nothing to check
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(path)) {
            bytes = in.readNBytes(MAX_KEY_FILE + 1);
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException("no such file");
        }
        if (bytes.length > MAX_KEY_FILE) {
            throw new IOException("larger than " + MAX_KEY_FILE + " bytes; not a key file");
        }
        for (String line : new String(bytes, StandardCharsets.UTF_8).split("\r?\n")) {
            if (!line.isBlank() && !line.strip().startsWith("#")) {
                return line.strip();
            }
        }
        throw new IOException("empty");
    }
}
