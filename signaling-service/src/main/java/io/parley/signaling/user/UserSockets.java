package io.parley.signaling.user;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.parley.signaling.protocol.CloseCode;
import org.springframework.stereotype.Component;

/**
 * The user sockets this instance holds, by account, and who follows whose presence: a
 * contact's presence change reaches the sockets of the people who have that contact.
 */
@Component
public class UserSockets {

    private final Map<String, Set<UserConnection>> byAccount = new ConcurrentHashMap<>();

    private final Map<String, Set<UserConnection>> watchers = new ConcurrentHashMap<>();

    /** True when this is the account's first socket on this instance. */
    boolean register(UserConnection connection) {
        boolean[] first = { false };
        byAccount.compute(connection.accountId(), (id, sockets) -> {
            Set<UserConnection> set = sockets != null ? sockets : ConcurrentHashMap.newKeySet();
            first[0] = set.isEmpty();
            set.add(connection);
            return set;
        });
        return first[0];
    }

    /** True when the account has no socket left on this instance. */
    boolean unregister(UserConnection connection) {
        connection.contacts().forEach(contact -> unwatch(connection, contact));
        boolean[] last = { false };
        byAccount.computeIfPresent(connection.accountId(), (id, sockets) -> {
            sockets.remove(connection);
            last[0] = sockets.isEmpty();
            return sockets.isEmpty() ? null : sockets;
        });
        return last[0];
    }

    Collection<UserConnection> of(String accountId) {
        Set<UserConnection> sockets = byAccount.get(accountId);
        return sockets == null ? List.of() : sockets;
    }

    /** True when the contact had no watcher on this instance before. */
    boolean watch(UserConnection connection, String contactId) {
        connection.contacts().add(contactId);
        boolean[] first = { false };
        watchers.compute(contactId, (id, sockets) -> {
            Set<UserConnection> set = sockets != null ? sockets : ConcurrentHashMap.newKeySet();
            first[0] = set.isEmpty();
            set.add(connection);
            return set;
        });
        return first[0];
    }

    /** True when the contact has no watcher left on this instance. */
    boolean unwatch(UserConnection connection, String contactId) {
        connection.contacts().remove(contactId);
        boolean[] last = { false };
        watchers.computeIfPresent(contactId, (id, sockets) -> {
            sockets.remove(connection);
            last[0] = sockets.isEmpty();
            return sockets.isEmpty() ? null : sockets;
        });
        return last[0];
    }

    Collection<UserConnection> watching(String contactId) {
        Set<UserConnection> sockets = watchers.get(contactId);
        return sockets == null ? List.of() : sockets;
    }

    List<UserConnection> all() {
        return byAccount.values().stream().flatMap(Set::stream).toList();
    }

    public int count() {
        return byAccount.values().stream().mapToInt(Set::size).sum();
    }

    /**
     * Tells every socket to reconnect elsewhere and closes it; see the instance's drain.
     */
    public int closeAll(String reconnect, CloseCode code) {
        List<UserConnection> open = all();
        open.forEach(connection -> connection.outbound().sendAndClose(reconnect, code));
        return open.size();
    }

}
