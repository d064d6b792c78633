package dev.tidings.app;

import dev.tidings.fetch.FetchLimits;
import dev.tidings.sync.Account;
import dev.tidings.sync.GReaderClient;
import dev.tidings.sync.PasswordSource;
import dev.tidings.sync.SyncException;
import java.util.Map;

/**
 * A logged-in client of one account: the saved token, else a login with the account's password
 * source; a call the server refuses for the session logs in again once, then says how to log in.
 */
final class SyncSession {
    /** A call to the server. */
    interface Call<T> {
        T run() throws SyncException;
    }

    private final Account account;
    private final GReaderClient client;
    private final SyncedFeeds synced;
    private final Map<String, String> env;

    private SyncSession(Account account, GReaderClient client, SyncedFeeds synced, Map<String, String> env) {
        this.account = account;
        this.client = client;
        this.synced = synced;
        this.env = env;
    }

    /** A client for {@code a} without a session yet. */
    static GReaderClient newClient(Account a, SyncedFeeds synced, FetchLimits limits) {
        return new GReaderClient(a.url(), a.name(), limits, a.appId(), synced.accounts().appKey(a.name()).orElse(""));
    }

    /** A session with the saved token, else a login now. */
    static SyncSession open(Account a, SyncedFeeds synced, Map<String, String> env, FetchLimits limits)
            throws SyncException {
        SyncSession s = new SyncSession(a, newClient(a, synced, limits), synced, env);
        var token = synced.accounts().token(a.name());
        if (token.isPresent()) {
            s.client.token(token.get());
        } else {
            s.login();
        }
        return s;
    }

    Account account() {
        return account;
    }

    GReaderClient client() {
        return client;
    }

    private void login() throws SyncException {
        String password;
        try {
            password = PasswordSource.read(account.password(), env);
        } catch (SyncException e) {
            throw new SyncException(e.kind(), "account " + account.name() + ": " + e.getMessage());
        }
        synced.accounts().saveToken(account.name(), client.login(account.user(), password));
    }

    /** Runs {@code call}; on a refused session logs in again once, then a clear message. */
    <T> T call(Call<T> call) throws SyncException {
        try {
            return call.run();
        } catch (SyncException e) {
            if (e.kind() != SyncException.Kind.AUTH) {
                throw e;
            }
        }
        synced.accounts().forgetToken(account.name());
        try {
            login();
        } catch (SyncException e) {
            throw new SyncException(SyncException.Kind.AUTH, "account " + account.name() + ": the session expired"
                    + " and logging in again failed (" + e.getMessage() + "); run 'tidings account add greader "
                    + account.url() + " --user " + account.user() + " --name " + account.name() + "' to log in");
        }
        return call.run();
    }
}
