package health.workwell.security;

import java.util.function.Supplier;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/** Lets through only an administration client's token ({@link AdminAccess}): the admin API. */
final class AdminRole implements AuthorizationManager<RequestAuthorizationContext> {

	private final AdminAccess admins;

	AdminRole(AdminAccess admins) {
		this.admins = admins;
	}

	@Override
	public AuthorizationDecision check(Supplier<Authentication> authentication, RequestAuthorizationContext context) {
		return new AuthorizationDecision(authentication.get() instanceof JwtAuthenticationToken token
				&& admins.isAdmin(token.getToken()));
	}
}
