package health.workwell.security;

import java.util.Set;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Who may use the administration APIs ({@code /admin/**}) and start EHR launches as an administrator: a
 * token this server issued by the client-credentials grant to a client registered for administration (role
 * {@code admin}, client-credentials only: the bootstrap administrator or a {@code backend-service} registered
 * with role {@code admin}). A user's token never qualifies, whatever the user's role: an administrator who
 * signs in to a SMART app hands that app a token, and the app must not get the registries with it. Neither
 * does an external issuer's token (its role claim is believed for the FHIR API only).
 */
public final class AdminAccess {

	private final RegisteredClientRepository clients;
	private final String externalIssuer;

	public AdminAccess(RegisteredClientRepository clients, String externalIssuer) {
		this.clients = clients;
		this.externalIssuer = externalIssuer;
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
		if (token == null || !UserRole.ADMIN.claim().equals(token.getClaimAsString(AccessRole.CLAIM))) {
			return false;
		}
		if (!externalIssuer.isBlank() && token.getIssuer() != null && externalIssuer.equals(token.getIssuer().toString())) {
			return false;
		}
		String clientId = token.getClaimAsString(ClientTokenClaims.CLIENT_ID_CLAIM);
		// the client-credentials grant: the client acts for itself, so it is the token's subject
		if (clientId == null || !clientId.equals(token.getSubject())) {
			return false;
		}
		RegisteredClient client = clients.findByClientId(clientId);
		return client != null
				&& BootstrapAdminClient.ADMIN_ROLE.equals(ClientSettingNames.get(client, ClientSettingNames.ROLE))
				&& client.getAuthorizationGrantTypes().equals(Set.of(AuthorizationGrantType.CLIENT_CREDENTIALS));
	}
}
