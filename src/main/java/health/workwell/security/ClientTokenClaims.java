package health.workwell.security;

import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;

/**
 * The access-token claims that come from the client registration: {@code client_id} (RFC 9068; how the
 * FHIR side knows the calling client, e.g. for CORS and rate limits), {@code scope} as a space-separated
 * string (the team's token contract; Spring Authorization Server writes an array), and for the
 * client-credentials grant, where the client acts for itself, {@code workwell_role} from the client's
 * {@code workwell.role} setting. User logins take their role from the user registry instead.
 */
final class ClientTokenClaims {

	static final String CLIENT_ID_CLAIM = "client_id";

	private ClientTokenClaims() {}

	static void addTo(JwtEncodingContext context) {
		if (!OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
			return;
		}
		RegisteredClient client = context.getRegisteredClient();
		context.getClaims().claim(CLIENT_ID_CLAIM, client.getClientId());
		context.getClaims().claim("scope", String.join(" ", context.getAuthorizedScopes()));
		String role = ClientSettingNames.get(client, ClientSettingNames.ROLE);
		if (role != null && AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
			context.getClaims().claim(AccessRole.CLAIM, role);
		}
	}
}
