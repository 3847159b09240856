package health.workwell.security;

import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.OAuth2RefreshTokenGenerator;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenGenerator;

/**
 * SMART: a refresh token only when the app was granted {@code offline_access} or {@code online_access}.
 * Spring Authorization Server's own rules still apply on top: only to confidential clients registered
 * for the refresh_token grant (never to public clients).
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
		boolean asked = context.getAuthorizedScopes().contains(OFFLINE_ACCESS) || context.getAuthorizedScopes().contains(ONLINE_ACCESS);
		return asked ? refreshTokens.generate(context) : null;
	}
}
