package health.workwell.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * SMART discovery, {@code GET /fhir/.well-known/smart-configuration} (SMART App Launch 2.2,
 * conformance.html): JSON whatever the Accept header, readable from any origin, absolute URLs: the
 * authorization code flow with PKCE (S256 only) for public and confidential clients, EHR and standalone
 * launch, OpenID Connect, refresh tokens, and client credentials with a shared secret or a signed
 * assertion (SMART Backend Services, RS384/ES384). (The path is inside the FHIR servlet's mapping, so a
 * filter answers it.)
 */
final class SmartConfigurationFilter extends OncePerRequestFilter {

	static final String PATH = FhirAudience.FHIR_PATH + "/.well-known/smart-configuration";

	/** What the server does (SMART App Launch 2.2 conformance capabilities). */
	static final List<String> CAPABILITIES = List.of(
			"launch-ehr", "launch-standalone", "authorize-post",
			"client-public", "client-confidential-symmetric", "client-confidential-asymmetric",
			"sso-openid-connect",
			"context-banner", "context-ehr-patient", "context-standalone-patient",
			"permission-offline", "permission-online", "permission-patient", "permission-user",
			"permission-v1", "permission-v2");

	/** The scopes a registered app may ask for (clients are limited to the scopes registered for them). */
	static final List<String> SCOPES = List.of(
			"openid", "fhirUser", "launch", "launch/patient", "offline_access", "online_access",
			"patient/*.cruds", "patient/*.rs", "patient/*.read", "user/*.cruds", "user/*.rs", "user/*.read",
			BootstrapAdminClient.ADMIN_SCOPE);

	private final FhirAudience audience;
	private final ObjectMapper json = new ObjectMapper();

	SmartConfigurationFilter(FhirAudience audience) {
		this.audience = audience;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
			response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
			return;
		}
		String issuer = audience.issuer();
		Map<String, Object> configuration = new LinkedHashMap<>();
		configuration.put("issuer", issuer);
		configuration.put("jwks_uri", issuer + "/oauth2/jwks");
		configuration.put("authorization_endpoint", issuer + AuthorizePostAsGet.AUTHORIZE_PATH);
		configuration.put("token_endpoint", issuer + "/oauth2/token");
		configuration.put("introspection_endpoint", issuer + "/oauth2/introspect");
		configuration.put("revocation_endpoint", issuer + "/oauth2/revoke");
		configuration.put("userinfo_endpoint", issuer + "/userinfo");
		configuration.put("grant_types_supported", List.of("authorization_code", "client_credentials", "refresh_token"));
		configuration.put("response_types_supported", List.of("code"));
		configuration.put("token_endpoint_auth_methods_supported", List.of("client_secret_basic", "client_secret_post", "private_key_jwt", "none"));
		configuration.put("token_endpoint_auth_signing_alg_values_supported", List.of("RS384", "ES384"));
		configuration.put("scopes_supported", SCOPES);
		configuration.put("code_challenge_methods_supported", List.of("S256"));
		configuration.put("capabilities", CAPABILITIES);
		response.setContentType("application/json");
		response.setHeader("Access-Control-Allow-Origin", "*");
		json.writeValue(response.getOutputStream(), configuration);
	}
}
