package health.workwell.security;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationException;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientCredentialsAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientCredentialsAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

/**
 * Which requested scopes a client may have, given the scopes it is registered with (Spring Authorization
 * Server compares exact strings, which SMART's wildcards and granular scopes defeat). A requested SMART
 * clinical scope is allowed when a registered one covers it: same context ({@code patient}, {@code user},
 * {@code system}); the registered type is the same or {@code *}; the requested permissions are a subset of the
 * registered ones (v1 {@code read}/{@code write}/{@code *} and v2 letters compared as what they allow, via
 * {@link SmartScope}); and the registered scope either has no query or the same query, so
 * {@code patient/Observation.rs?category=vital-signs} is covered by {@code patient/Observation.rs} or
 * {@code patient/*.rs} but not the other way round. Anything else ({@code openid}, {@code fhirUser},
 * {@code launch}, {@code launch/patient}, {@code offline_access}, {@code online_access}, unknown strings) must
 * be registered exactly. One policy for every grant: {@link #validateClientCredentials} plugs into the
 * client-credentials grant, {@link #validateAuthorizationCodeRequest} into the authorization endpoint, and
 * anything else (a consent page) can call {@link #uncovered}.
 */
public final class RegisteredScopePolicy {

	/** The scopes a client may not have: empty when every requested scope is covered. */
	public Set<String> uncovered(Collection<String> registered, Collection<String> requested) {
		Set<String> uncovered = new LinkedHashSet<>();
		for (String scope : requested) {
			if (!covered(registered, scope)) {
				uncovered.add(scope);
			}
		}
		return uncovered;
	}

	public boolean covered(Collection<String> registered, String requested) {
		if (registered.contains(requested)) {
			return true;
		}
		Optional<Granular> wanted = Granular.parse(requested);
		return wanted.isPresent() && registered.stream().map(Granular::parse).flatMap(Optional::stream)
				.anyMatch(held -> held.covers(wanted.get()));
	}

	/** For the client-credentials grant: refuses the request with {@code invalid_scope} when a scope is not covered. */
	public void validateClientCredentials(OAuth2ClientCredentialsAuthenticationContext context) {
		OAuth2ClientCredentialsAuthenticationToken request = context.getAuthentication();
		Set<String> uncovered = uncovered(context.getRegisteredClient().getScopes(), request.getScopes());
		if (!uncovered.isEmpty()) {
			throw new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_SCOPE,
					"Not registered for this client: " + String.join(" ", uncovered), null));
		}
	}

	/**
	 * For the authorization-code grant, in place of Spring Authorization Server's exact-string scope check:
	 * {@code authorizationCodeProvider.setAuthenticationValidator(OAuth2AuthorizationCodeRequestAuthenticationValidator
	 * .DEFAULT_REDIRECT_URI_VALIDATOR.andThen(policy::validateAuthorizationCodeRequest))} (the redirect URI first, so
	 * the {@code invalid_scope} error can be sent back to the app's registered redirect URI).
	 */
	public void validateAuthorizationCodeRequest(OAuth2AuthorizationCodeRequestAuthenticationContext context) {
		OAuth2AuthorizationCodeRequestAuthenticationToken request = context.getAuthentication();
		RegisteredClient client = context.getRegisteredClient();
		Set<String> uncovered = uncovered(client.getScopes(), request.getScopes());
		if (!uncovered.isEmpty()) {
			String redirectUri = request.getRedirectUri() != null ? request.getRedirectUri()
					: client.getRedirectUris().size() == 1 ? client.getRedirectUris().iterator().next() : null;
			OAuth2AuthorizationCodeRequestAuthenticationToken withRedirect = new OAuth2AuthorizationCodeRequestAuthenticationToken(
					request.getAuthorizationUri(), request.getClientId(), (Authentication) request.getPrincipal(), redirectUri,
					request.getState(), request.getScopes(), request.getAdditionalParameters());
			throw new OAuth2AuthorizationCodeRequestAuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_SCOPE,
					"Not registered for this client: " + String.join(" ", uncovered), null), withRedirect);
		}
	}

	/** A clinical scope split into its {@link SmartScope} and its query (empty when it has none). */
	record Granular(SmartScope scope, String query) {

		static Optional<Granular> parse(String text) {
			int question = text.indexOf('?');
			String base = question < 0 ? text : text.substring(0, question);
			String query = question < 0 ? "" : text.substring(question + 1);
			if (question >= 0 && query.isBlank()) {
				return Optional.empty();
			}
			return SmartScope.parse(base).map(scope -> new Granular(scope, query));
		}

		boolean covers(Granular requested) {
			return scope.context() == requested.scope().context()
					&& ("*".equals(scope.resourceType()) || scope.resourceType().equals(requested.scope().resourceType()))
					&& scope.interactions().containsAll(requested.scope().interactions())
					&& (query.isEmpty() || query.equals(requested.query()));
		}
	}
}
