package health.workwell.security;

import java.util.function.Supplier;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/** Lets through only a bearer token whose {@code workwell_role} is {@code admin} (the admin API). */
final class AdminRole implements AuthorizationManager<RequestAuthorizationContext> {

	static final AdminRole REQUIRED = new AdminRole();

	@Override
	public AuthorizationDecision check(Supplier<Authentication> authentication, RequestAuthorizationContext context) {
		return new AuthorizationDecision(authentication.get() instanceof JwtAuthenticationToken token
				&& BootstrapAdminClient.ADMIN_ROLE.equals(token.getToken().getClaimAsString(AccessRole.CLAIM)));
	}
}
