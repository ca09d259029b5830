package org.linli.gateway.auth;

/**
 * At most {@code max} password-hash checks at once. Each check is a slow hash on a worker thread; beyond the
 * bound a login is answered 503 at once instead of queueing work that would keep worker threads (and cores)
 * from the alert path. Event-loop confined: taken and given back on the login's event loop.
 */
final class PasswordCheckSlots {
    private final int max;
    private int inUse;

    PasswordCheckSlots(int max) {
        this.max = max;
    }

    boolean tryTake() {
        if (inUse >= max) {
            return false;
        }
        inUse++;
        return true;
    }

    void giveBack() {
        inUse--;
    }
}
