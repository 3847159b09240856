package health.workwell.security;

import java.time.Duration;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code workwell.security.sign-in}: password guessing on the login form ({@link SignInAttempts}).
 *
 * @param maxFailures failed sign-ins of one username within {@code window} that lock it
 * @param maxFailuresPerAddress failed sign-ins from one source address within {@code window}, whatever the
 *     usernames, that lock the address (guessing across many usernames)
 * @param window how far back failures count
 * @param lockout how long a locked username or address stays locked
 */
public record SignInLimits(
		@DefaultValue("5") int maxFailures,
		@DefaultValue("50") int maxFailuresPerAddress,
		@DefaultValue("15m") Duration window,
		@DefaultValue("15m") Duration lockout) {}
