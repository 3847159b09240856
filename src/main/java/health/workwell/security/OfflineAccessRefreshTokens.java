package health.workwell.security;

import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.OAuth2RefreshTokenGenerator;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenGenerator;

/**
 * SMART: a refresh token only when the app was granted {@code offline_access} or {@code online_access}.
 * Spring Authorization Server's own rules still apply on top: only to confidential clients registered
 * for the refresh_token grant (never to public clients). Each refresh gives a new refresh token.
 */
final class OfflineAccessRefreshTokens implements OAuth2TokenGenerator<OAuth2RefreshToken> {

	static final String OFFLINE_ACCESS = "offline_access";
	static final String ONLINE_ACCESS = "online_access";

	private final OAuth2RefreshTokenGenerator refreshTokens = new OAuth2RefreshTokenGenerator();

	@Override
	public OAuth2RefreshToken generate(OAuth2TokenContext context) {
		if (!OAuth2TokenType.REFRESH_TOKEN.equals(context.getTokenType())) {
			return null;
		}
		// a refresh rotates the refresh token (RotatedRefreshTokens), also when it asks for a narrower scope
		// without offline_access: the authorization it refreshes was granted it
		boolean refresh = AuthorizationGrantType.REFRESH_TOKEN.equals(context.getAuthorizationGrantType())
				&& context.getAuthorization() != null && offline(context.getAuthorization().getAuthorizedScopes());
		return refresh || offline(context.getAuthorizedScopes()) ? refreshTokens.generate(context) : null;
	}

	private static boolean offline(java.util.Set<String> scopes) {
		return scopes.contains(OFFLINE_ACCESS) || scopes.contains(ONLINE_ACCESS);
	}
}
