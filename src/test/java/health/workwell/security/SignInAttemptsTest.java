package health.workwell.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SignInAttemptsTest {

	private final SignInAttempts attempts = new SignInAttempts(new SignInLimits(5, 8, Duration.ofMinutes(15), Duration.ofMinutes(15)));
	private final Instant start = Instant.parse("2026-12-06T08:00:00Z");

	@Test
	void fiveFailuresWithinTheWindowLockTheUsernameForTheLockout() {
		for (int i = 0; i < 4; i++) {
			assertThat(attempts.recordFailure("Alice", "10.0.0.1", start.plusSeconds(i))).isEmpty();
		}
		assertThat(attempts.lockedOut("alice", "10.0.0.2", start.plusSeconds(10))).isEmpty();
		assertThat(attempts.recordFailure("alice", "10.0.0.2", start.plusSeconds(20))).hasValue("username");
		// case does not make another username; another address does not help
		assertThat(attempts.lockedOut("ALICE", "10.0.0.3", start.plusSeconds(30))).isPresent();
		assertThat(attempts.lockedOut("bob", "10.0.0.3", start.plusSeconds(30))).isEmpty();
		assertThat(attempts.lockedOut("alice", "10.0.0.3", start.plus(Duration.ofMinutes(16)))).isEmpty();
	}

	@Test
	void failuresOlderThanTheWindowDoNotCountAndASuccessClearsThem() {
		for (int i = 0; i < 4; i++) {
			attempts.recordFailure("carol", "10.0.0.1", start);
		}
		assertThat(attempts.recordFailure("carol", "10.0.0.1", start.plus(Duration.ofMinutes(16)))).isEmpty();
		for (int i = 0; i < 3; i++) {
			attempts.recordFailure("dave", "10.0.0.9", start);
		}
		attempts.recordSuccess("dave");
		assertThat(attempts.recordFailure("dave", "10.0.0.9", start)).isEmpty();
	}

	@Test
	void guessingAcrossUsernamesLocksTheAddress() {
		for (int i = 0; i < 7; i++) {
			assertThat(attempts.recordFailure("user" + i, "10.0.0.66", start)).isEmpty();
		}
		assertThat(attempts.recordFailure("user7", "10.0.0.66", start)).hasValue("address");
		assertThat(attempts.lockedOut("someone-else", "10.0.0.66", start.plusSeconds(1))).hasValueSatisfying(why -> assertThat(why).contains("address"));
		assertThat(attempts.lockedOut("someone-else", "10.0.0.67", start.plusSeconds(1))).isEmpty();
	}
}
