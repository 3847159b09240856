package health.workwell.security;

import java.util.Collection;
import java.util.List;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Who may use the administration APIs ({@code /admin/**}): a bearer token of this server carrying
 * {@code workwell_role} {@code admin}, or the bootstrap administrator client's own client-credentials
 * token (client {@code WORKWELL_ADMIN_CLIENT_ID}, scope {@code system/*.cruds}).
 */
public final class AdminAccess {


	private final String bootstrapAdminClientId;

	public AdminAccess(String bootstrapAdminClientId) {
		this.bootstrapAdminClientId = bootstrapAdminClientId;
	}

	/** The current request's token, if it is a bearer token of this server. */
	static Jwt currentToken() {
		return SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken token
				? token.getToken() : null;
	}

	public boolean isAdmin() {
		return isAdmin(currentToken());
	}

	boolean isAdmin(Jwt token) {
		if (token == null) {
			return false;
		}
		if (UserRole.ADMIN.claim().equals(token.getClaimAsString(AccessRole.CLAIM))) {
			return true;
		}
		return !bootstrapAdminClientId.isBlank()
				&& bootstrapAdminClientId.equals(token.getClaimAsString(ClientTokenClaims.CLIENT_ID_CLAIM))
				&& bootstrapAdminClientId.equals(token.getSubject())
				&& scopes(token).contains(BootstrapAdminClient.ADMIN_SCOPE);
	}

	static List<String> scopes(Jwt token) {
		Object claim = token.getClaim("scope");
		if (claim instanceof Collection<?> values) {
			return values.stream().map(String::valueOf).toList();
		}
		return claim == null ? List.of() : List.of(claim.toString().split(" "));
	}
}
