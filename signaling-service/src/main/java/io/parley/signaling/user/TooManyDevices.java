package io.parley.signaling.user;

/**
 * A person already has as many user sockets open as {@code users.most-devices} allows.
 */
class TooManyDevices extends RuntimeException {

    TooManyDevices(String accountId, int mostDevices) {
        super("Account " + accountId + " already has " + mostDevices + " devices connected", null, false, false);
    }

}
