package org.linli.gateway.auth;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Slows down password guessing with delays, never locks (docs/CONSOLE.md, "Guessing"). Three counts of failed
 * logins, each with its own back-off ({@link FailureBackoff}):
 * <ul>
 *   <li>per user name and address: 5 free, then 5 s doubling up to 60 s between attempts;</li>
 *   <li>per user name from any address, so guesses spread over many addresses are slowed too: the same figures,
 *       but not applied at an address the user logged in from successfully in the last 30 days
 *       ({@link KnownAddresses}), so a guesser elsewhere cannot keep the real user out of their own phone;</li>
 *   <li>per address across user names (password spraying): 20 free, then the same delays.</li>
 * </ul>
 * An attempt waits for the longest of the delays that apply to it. Attempts are counted before the slow hash
 * check and taken back on success, so parallel guesses cannot outrun the count. The address is the TCP peer's:
 * no {@code X-Forwarded-For} is trusted. Event-loop confined.
 */
public final class LoginThrottle {
    static final int FREE_PER_USER = 5;
    static final int FREE_PER_ADDRESS = 20;
    static final Duration FIRST_DELAY = Duration.ofSeconds(5);
    static final Duration MAX_DELAY = Duration.ofSeconds(60);
    static final Duration FORGET_AFTER = Duration.ofMinutes(15);
    static final Duration REMEMBER_ADDRESS = Duration.ofDays(30);
    static final int ADDRESSES_PER_USER = 8;
    static final int MAX_KEYS = 10_000;
    /** User names are attacker-chosen: keys keep at most this many characters. */
    private static final int NAME_KEY_CHARS = 64;

    private final FailureBackoff perPair;
    private final FailureBackoff perUser;
    private final FailureBackoff perAddress;
    private final KnownAddresses known;

    public LoginThrottle(Clock clock) {
        this.perPair = new FailureBackoff(clock, FREE_PER_USER, FIRST_DELAY, MAX_DELAY, FORGET_AFTER, MAX_KEYS);
        this.perUser = new FailureBackoff(clock, FREE_PER_USER, FIRST_DELAY, MAX_DELAY, FORGET_AFTER, MAX_KEYS);
        this.perAddress = new FailureBackoff(clock, FREE_PER_ADDRESS, FIRST_DELAY, MAX_DELAY, FORGET_AFTER, MAX_KEYS);
        this.known = new KnownAddresses(clock, REMEMBER_ADDRESS, ADDRESSES_PER_USER);
    }

    /** How long this attempt must still wait, or empty when it may be checked now. */
    public Optional<Duration> waitFor(String user, String address) {
        String name = name(user);
        List<Optional<Duration>> waits = new ArrayList<>(List.of(perPair.waitFor(pair(name, address)),
                perAddress.waitFor(address)));
        if (!known.known(name, address)) {
            waits.add(perUser.waitFor(name));
        }
        return waits.stream().flatMap(Optional::stream).max(Duration::compareTo);
    }

    /** Counts an attempt as failed before it is checked; the names of the counts that now start delaying. */
    public List<String> attempted(String user, String address) {
        String name = name(user);
        List<String> started = new ArrayList<>();
        if (perPair.failed(pair(name, address))) {
            started.add("user and address");
        }
        if (perUser.failed(name)) {
            started.add("user from any address");
        }
        if (perAddress.failed(address)) {
            started.add("address");
        }
        return started;
    }

    /** The attempt was right: its up-front count is taken back, and the address is known for this user. */
    public void succeeded(String user, String address) {
        String name = name(user);
        perPair.forget(pair(name, address));
        perUser.undo(name);
        perAddress.undo(address);
        known.loggedIn(name, address);
    }

    /** Forgets counts whose last failure is long past and addresses not used for a month. */
    public void sweep() {
        perPair.sweep();
        perUser.sweep();
        perAddress.sweep();
        known.sweep();
    }

    private static String name(String user) {
        return user.length() > NAME_KEY_CHARS ? user.substring(0, NAME_KEY_CHARS) : user;
    }

    private static String pair(String name, String address) {
        return name + "\u0000" + address;
    }
}
