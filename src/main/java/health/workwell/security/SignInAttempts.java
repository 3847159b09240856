package health.workwell.security;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failed sign-ins per username and per source address, in memory on this node: {@code maxFailures} for one
 * username within the window lock that username, {@code maxFailuresPerAddress} from one address lock the
 * address, each for {@code lockout}. A successful sign-in clears the username's failures. Any username
 * counts, registered or not, so a lockout says nothing about which usernames exist.
 */
final class SignInAttempts {

	private final SignInLimits limits;
	private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();
	private final Map<String, Instant> lockedUntil = new ConcurrentHashMap<>();

	SignInAttempts(SignInLimits limits) {
		this.limits = limits;
	}

	private static String userKey(String username) {
		String name = username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
		return "user:" + (name.length() > 100 ? name.substring(0, 100) : name);
	}

	private static String addressKey(String address) {
		return "address:" + address;
	}

	/** Why a sign-in of this username from this address is refused without checking the password, if it is. */
	Optional<String> lockedOut(String username, String address, Instant now) {
		if (isLocked(userKey(username), now)) {
			return Optional.of("the username is locked after " + limits.maxFailures() + " failed sign-ins");
		}
		if (isLocked(addressKey(address), now)) {
			return Optional.of("the address " + address + " is locked after " + limits.maxFailuresPerAddress() + " failed sign-ins");
		}
		return Optional.empty();
	}

	private boolean isLocked(String key, Instant now) {
		Instant until = lockedUntil.get(key);
		if (until != null && !now.isBefore(until)) {
			lockedUntil.remove(key, until);
			return false;
		}
		return until != null;
	}

	/** Counts a failure; what it locked ("username", "address"), if it locked something. */
	Optional<String> recordFailure(String username, String address, Instant now) {
		if (failures.size() > 100_000) {
			failures.clear(); // forged usernames must not grow the map without bound
		}
		Optional<String> locked = Optional.empty();
		if (count(addressKey(address), now) >= limits.maxFailuresPerAddress()) {
			lock(addressKey(address), now);
			locked = Optional.of("address");
		}
		if (count(userKey(username), now) >= limits.maxFailures()) {
			lock(userKey(username), now);
			locked = Optional.of("username");
		}
		return locked;
	}

	void recordSuccess(String username) {
		failures.remove(userKey(username));
	}

	private int count(String key, Instant now) {
		Deque<Instant> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
		synchronized (times) {
			times.addLast(now);
			while (!times.isEmpty() && times.peekFirst().isBefore(now.minus(limits.window()))) {
				times.removeFirst();
			}
			return times.size();
		}
	}

	private void lock(String key, Instant now) {
		lockedUntil.put(key, now.plus(limits.lockout()));
		failures.remove(key);
	}
}
