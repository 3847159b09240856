package health.workwell.security;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;

/**
 * A revoked access token (RFC 7009, {@code /oauth2/revoke}) is refused by the FHIR API at once, not only
 * when it expires: the resource server asks the authorization server's store whether the token was
 * invalidated. Tokens the store does not hold (another node's in-memory store, or after a restart) are
 * judged by signature and expiry alone.
 */
final class RevokedAccessTokens implements OAuth2TokenValidator<Jwt> {

	private final OAuth2AuthorizationService authorizations;

	RevokedAccessTokens(OAuth2AuthorizationService authorizations) {
		this.authorizations = authorizations;
	}

	@Override
	public OAuth2TokenValidatorResult validate(Jwt token) {
		OAuth2Authorization authorization = authorizations.findByToken(token.getTokenValue(), OAuth2TokenType.ACCESS_TOKEN);
		if (authorization != null && authorization.getAccessToken() != null && authorization.getAccessToken().isInvalidated()) {
			return OAuth2TokenValidatorResult.failure(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, "The token was revoked", null));
		}
		return OAuth2TokenValidatorResult.success();
	}
}
