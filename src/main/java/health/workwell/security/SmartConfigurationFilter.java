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
 * conformance.html): JSON whatever the Accept header, readable from any origin, absolute URLs. It
 * lists only what the server does today: client credentials for confidential clients with a shared
 * secret or a signed assertion (SMART Backend Services, RS384/ES384). (The path is inside the FHIR servlet's mapping, so a filter answers it.)
 */
final class SmartConfigurationFilter extends OncePerRequestFilter {

	static final String PATH = FhirAudience.FHIR_PATH + "/.well-known/smart-configuration";

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
		configuration.put("token_endpoint", issuer + "/oauth2/token");
		configuration.put("jwks_uri", issuer + "/oauth2/jwks");
		configuration.put("introspection_endpoint", issuer + "/oauth2/introspect");
		configuration.put("revocation_endpoint", issuer + "/oauth2/revoke");
		configuration.put("grant_types_supported", List.of("client_credentials"));
		configuration.put("token_endpoint_auth_methods_supported", List.of("client_secret_basic", "private_key_jwt"));
		configuration.put("token_endpoint_auth_signing_alg_values_supported", List.of("RS384", "ES384"));
		configuration.put("scopes_supported", List.of(BootstrapAdminClient.ADMIN_SCOPE));
		configuration.put("code_challenge_methods_supported", List.of("S256"));
		configuration.put("capabilities", List.of("client-confidential-symmetric", "client-confidential-asymmetric", "permission-v2"));
		response.setContentType("application/json");
		response.setHeader("Access-Control-Allow-Origin", "*");
		json.writeValue(response.getOutputStream(), configuration);
	}
}
