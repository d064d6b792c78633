package dev.tidings.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tidings.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The accounts file ({@code $XDG_CONFIG_HOME/tidings/accounts.json}): server, user, and where the
 * password comes from; no password, token or key. Strict on read (unknown members, duplicate keys,
 * trailing data and an empty file are errors naming the file), written atomically 0600.
 * Each account's own files live in {@link #dir(String)}: {@code $XDG_DATA_HOME/tidings/sync/NAME/}.
 */
public final class Accounts {
    private final Path file;
    private final Path dataDir;

    /** @param file the accounts file; @param dataDir {@code $XDG_DATA_HOME/tidings/sync} */
    public Accounts(Path file, Path dataDir) {
        this.file = file;
        this.dataDir = dataDir;
    }

    public static Accounts of(Map<String, String> env) {
        return new Accounts(xdg(env, "XDG_CONFIG_HOME", ".config").resolve("accounts.json"),
                xdg(env, "XDG_DATA_HOME", ".local/share").resolve("sync"));
    }

    private static Path xdg(Map<String, String> env, String var, String fallback) {
        String v = env.get(var);
        if (v != null && !v.isBlank() && Path.of(v).isAbsolute()) {
            return Path.of(v, "tidings");
        }
        return Path.of(env.getOrDefault("HOME", System.getProperty("user.home", ".")), fallback, "tidings");
    }

    public Path file() {
        return file;
    }

    /** The account's private directory: token, AppKey, change queue, sync state. */
    public Path dir(String account) {
        return dataDir.resolve(account);
    }

    /** True when the accounts file exists (a cheap check before anything else is loaded). */
    public boolean any() {
        return Files.isRegularFile(file);
    }

    public List<Account> load() throws SyncException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw local("cannot read (" + e.getClass().getSimpleName() + ")");
        }
        if (bytes.length == 0) {
            throw local("empty file (delete it or restore it from a backup)");
        }
        try {
            JsonNode root = SyncJson.tree(bytes);
            if (root == null || !root.isObject() || root.path("version").asInt(-1) != 1 || !root.path("accounts").isArray()) {
                throw local("not a Tidings accounts file (expected {\"version\": 1, \"accounts\": [...]})");
            }
            expectOnly(root, "version", "accounts");
            List<Account> out = new ArrayList<>();
            for (JsonNode a : root.get("accounts")) {
                expectOnly(a, "name", "type", "url", "user", "password", "appId");
                if (!"greader".equals(a.path("type").asText())) {
                    throw local("account '" + Account.show(a.path("name").asText()) + "': unknown type '"
                            + Account.show(a.path("type").asText()) + "' (known: greader)");
                }
                out.add(new Account(a.path("name").asText(), a.path("url").asText(), a.path("user").asText(),
                        password(a.path("password")), a.path("appId").asText("")));
            }
            return out;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw local("malformed JSON (" + Account.show(e.getOriginalMessage()) + ")");
        } catch (IOException e) {
            throw local("cannot read (" + e.getClass().getSimpleName() + ")");
        } catch (IllegalArgumentException e) {
            throw local(e.getMessage());
        }
    }

    private static PasswordSource password(JsonNode p) {
        if (p.has("env")) {
            return new PasswordSource.Env(p.get("env").asText());
        }
        if (p.has("file")) {
            return new PasswordSource.File(p.get("file").asText());
        }
        if (p.has("command") && p.get("command").isArray()) {
            List<String> argv = new ArrayList<>();
            p.get("command").forEach(x -> argv.add(x.asText()));
            return new PasswordSource.Command(argv);
        }
        return PasswordSource.PROMPT;
    }

    private void expectOnly(JsonNode node, String... names) throws SyncException {
        Iterator<String> it = node.fieldNames();
        while (it.hasNext()) {
            String n = it.next();
            if (!List.of(names).contains(n)) {
                throw local("unknown member '" + Account.show(n) + "'");
            }
        }
    }

    private SyncException local(String problem) {
        return new SyncException(SyncException.Kind.LOCAL, file + ": " + problem);
    }

    /** The named account; the error lists the known ones. */
    public Account account(String name) throws SyncException {
        List<Account> all = load();
        return find(all, name).orElseThrow(() -> new SyncException(SyncException.Kind.LOCAL,
                "no account named '" + Account.show(name) + "'. Known: " + Account.names(all)));
    }

    static Optional<Account> find(List<Account> all, String name) {
        return all.stream().filter(a -> a.name().equals(name)).findFirst();
    }

    public void save(List<Account> accounts) throws SyncException {
        ObjectNode root = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        root.put("version", 1);
        ArrayNode arr = root.putArray("accounts");
        for (Account a : accounts) {
            ObjectNode o = arr.addObject();
            o.put("name", a.name());
            o.put("type", "greader");
            o.put("url", a.url());
            o.put("user", a.user());
            ObjectNode p = o.putObject("password");
            if (a.password() instanceof PasswordSource.Env e) {
                p.put("env", e.variable());
            } else if (a.password() instanceof PasswordSource.File f) {
                p.put("file", f.path());
            } else if (a.password() instanceof PasswordSource.Command c) {
                ArrayNode argv = p.putArray("command");
                c.argv().forEach(argv::add);
            } else {
                p.put("prompt", true);
            }
            if (!a.appId().isEmpty()) {
                o.put("appId", a.appId());
            }
        }
        try {
            AtomicFiles.createPrivateDirectories(file.toAbsolutePath().getParent());
            AtomicFiles.write(file, SyncJson.bytes(root));
        } catch (IOException e) {
            throw local("cannot write (" + e.getClass().getSimpleName() + ")");
        }
    }

    // ---------------------------------------------------------------- secrets (0600 in the account's directory)

    /** The session token, if one was saved. */
    public Optional<String> token(String account) {
        return readSecret(dir(account).resolve("token"));
    }

    public void saveToken(String account, String token) throws SyncException {
        writeSecret(account, "token", token);
    }

    public void forgetToken(String account) {
        AtomicFiles.deleteQuietly(dir(account).resolve("token"));
    }

    /** Inoreader's AppKey, if one was given. */
    public Optional<String> appKey(String account) {
        return readSecret(dir(account).resolve("app-key"));
    }

    public void saveAppKey(String account, String key) throws SyncException {
        writeSecret(account, "app-key", key);
    }

    private static Optional<String> readSecret(Path p) {
        try {
            String s = Files.readString(p).strip();
            return s.isEmpty() ? Optional.empty() : Optional.of(s);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private void writeSecret(String account, String name, String value) throws SyncException {
        Path dir = dir(account);
        try {
            AtomicFiles.createPrivateDirectories(dir);
            AtomicFiles.write(dir.resolve(name), (value + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new SyncException(SyncException.Kind.LOCAL, dir.resolve(name) + ": cannot write ("
                    + e.getClass().getSimpleName() + ")");
        }
    }

    /** Deletes the account's directory (token, key, queue, state). */
    public void deleteFiles(String account) {
        Path dir = dir(account);
        try (var files = Files.list(dir)) {
            for (Path p : files.toList()) {
                AtomicFiles.deleteQuietly(p);
            }
            Files.deleteIfExists(dir);
        } catch (IOException | RuntimeException ignored) {
            // nothing there, or something we did not write: left alone
        }
    }
}
