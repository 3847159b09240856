package health.workwell.security;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * What the current request's access token grants: its SMART clinical scopes and, for patient scopes,
 * the patient in context ({@code patient} claim, SMART launch context). Patient scopes without a
 * patient in context grant nothing; user scopes grant nothing until the role policies (care team,
 * HR) decide whom a user may see.
 */
record GrantedAccess(List<SmartScope> scopes, Optional<String> patient) {

	static final String PATIENT_CLAIM = "patient";

	static GrantedAccess current() {
		if (!(SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken token)) {
			return new GrantedAccess(List.of(), Optional.empty());
		}
		// a granular category scope counts here for its type and its r/s letters; CategoryScopeEnforcement holds it to its category
		List<SmartScope> scopes = scopeClaim(token.getToken().getClaim("scope")).stream()
				.map(scope -> SmartScope.parse(scope).or(() -> CategoryScopes.parse(scope).map(CategoryScopes.CategoryScope::scope)))
				.flatMap(Optional::stream).toList();
		Optional<String> patient = Optional.ofNullable(token.getToken().getClaimAsString(PATIENT_CLAIM)).filter(p -> !p.isBlank());
		return new GrantedAccess(scopes, patient);
	}

	/** The current token's scopes as written. */
	static List<String> currentRawScopes() {
		return SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken token
				? scopeClaim(token.getToken().getClaim("scope"))
				: List.of();
	}

	/** Spring Authorization Server writes {@code scope} as a JSON array; other issuers as a space-separated string. */
	private static List<String> scopeClaim(Object claim) {
		if (claim instanceof java.util.Collection<?> values) {
			return values.stream().map(String::valueOf).toList();
		}
		return claim == null ? List.of() : Arrays.asList(claim.toString().split(" "));
	}

	/** The scopes that count: system scopes, and patient scopes when a patient is in context. */
	List<SmartScope> effective() {
		return scopes.stream()
				.filter(s -> s.context() == SmartScope.Context.SYSTEM
						|| (s.context() == SmartScope.Context.PATIENT && patient.isPresent()))
				.toList();
	}

	boolean hasSystemScope() {
		return scopes.stream().anyMatch(s -> s.context() == SmartScope.Context.SYSTEM);
	}

	/** Patient-scoped only: every request is held to the patient's compartment. */
	boolean isPatientScoped() {
		return !hasSystemScope() && patient.isPresent();
	}

	boolean allows(String type, SmartScope.Interaction interaction) {
		return effective().stream().anyMatch(s -> s.allows(type, interaction));
	}
}
