package health.workwell.security;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * What the current request's access token grants: its role ({@link AccessRole}), its SMART clinical
 * scopes, the patient in context ({@code patient} claim, SMART launch context), the user
 * ({@code fhirUser}) and the client.
 *
 * <p>A token without {@code workwell_role} (the bootstrap administrator's, and tokens from before the
 * role claim existed) gets its role from its scopes: {@code system/*.cruds} is {@link AccessRole#ADMIN},
 * other system scopes {@link AccessRole#INTEGRATION}, patient scopes with a patient in context an
 * {@link AccessRole#EMPLOYEE} held to that patient (patient scopes only), anything else nothing.
 *
 * @param self the employee's own Patient id (employees only)
 * @param practitioner the clinician's Practitioner id (clinicians only)
 */
public record GrantedAccess(AccessRole role, List<SmartScope> scopes, Optional<String> patient, Optional<String> self,
		Optional<String> practitioner, String client, boolean roleClaimed) {

	static final String PATIENT_CLAIM = "patient";
	static final String FHIR_USER_CLAIM = "fhirUser";

	static final GrantedAccess NOTHING = new GrantedAccess(AccessRole.NONE, List.of(), Optional.empty(), Optional.empty(),
			Optional.empty(), "", false);

	public static GrantedAccess current() {
		if (!(SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken token)) {
			return NOTHING;
		}
		return of(token.getToken());
	}

	static GrantedAccess of(Jwt jwt) {
		// a granular category scope counts here for its type and its r/s letters; CategoryScopeEnforcement holds it to its category
		List<SmartScope> scopes = scopeClaim(jwt.getClaim("scope")).stream()
				.map(scope -> SmartScope.parse(scope).or(() -> CategoryScopes.parse(scope).map(CategoryScopes.CategoryScope::scope)))
				.flatMap(Optional::stream).toList();
		Optional<String> patient = Optional.ofNullable(jwt.getClaimAsString(PATIENT_CLAIM)).filter(p -> !p.isBlank());
		Optional<String> fhirUser = Optional.ofNullable(jwt.getClaimAsString(FHIR_USER_CLAIM)).filter(u -> !u.isBlank());
		String client = Optional.ofNullable(jwt.getClaimAsString("client_id")).orElse(Optional.ofNullable(jwt.getSubject()).orElse(""));
		String roleClaim = jwt.getClaimAsString(AccessRole.CLAIM);
		boolean claimed = roleClaim != null;
		AccessRole role = claimed ? AccessRole.fromClaim(roleClaim) : roleFromScopes(scopes, patient);
		Optional<String> self = Optional.empty();
		Optional<String> practitioner = Optional.empty();
		if (role == AccessRole.EMPLOYEE) {
			Optional<String> userPatient = idOf(fhirUser, "Patient");
			if (fhirUser.isPresent() && userPatient.isEmpty()
					|| userPatient.isPresent() && patient.isPresent() && !userPatient.equals(patient)) {
				role = AccessRole.NONE; // an employee's token must be about themself
			}
			self = userPatient.or(() -> patient);
			if (self.isEmpty()) {
				role = AccessRole.NONE;
			}
		} else if (role == AccessRole.CLINICIAN) {
			practitioner = idOf(fhirUser, "Practitioner");
			if (practitioner.isEmpty()) {
				role = AccessRole.NONE;
			}
		}
		return new GrantedAccess(role, scopes, patient, self, practitioner, client, claimed);
	}

	private static AccessRole roleFromScopes(List<SmartScope> scopes, Optional<String> patient) {
		if (scopes.stream().anyMatch(s -> s.context() == SmartScope.Context.SYSTEM)) {
			return scopes.stream().anyMatch(GrantedAccess::everything) ? AccessRole.ADMIN : AccessRole.INTEGRATION;
		}
		if (patient.isPresent() && scopes.stream().anyMatch(s -> s.context() == SmartScope.Context.PATIENT)) {
			return AccessRole.EMPLOYEE;
		}
		return AccessRole.NONE;
	}

	private static boolean everything(SmartScope scope) {
		return scope.context() == SmartScope.Context.SYSTEM && "*".equals(scope.resourceType())
				&& scope.interactions().size() == SmartScope.Interaction.values().length;
	}

	/** {@code Patient/123} or an absolute URL ending in it → {@code 123}, when of this type. */
	private static Optional<String> idOf(Optional<String> reference, String type) {
		return reference.map(r -> r.split("/")).filter(parts -> parts.length >= 2 && type.equals(parts[parts.length - 2]))
				.map(parts -> parts[parts.length - 1]).filter(id -> !id.isBlank());
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

	/**
	 * The scopes that count for the role: system scopes for backends and the administrator; for an
	 * employee patient scopes (and user scopes when the role was claimed: an employee's user scopes
	 * reach no further than their own record); for clinicians user and patient scopes; for HR user scopes.
	 */
	List<SmartScope> effective() {
		return scopes.stream().filter(s -> switch (role) {
			case ADMIN -> s.context() != SmartScope.Context.PATIENT;
			case INTEGRATION, DEVICE_VENDOR -> s.context() == SmartScope.Context.SYSTEM;
			case EMPLOYEE -> s.context() == SmartScope.Context.PATIENT || (roleClaimed && s.context() == SmartScope.Context.USER);
			case CLINICIAN -> s.context() != SmartScope.Context.SYSTEM;
			case HR -> s.context() == SmartScope.Context.USER;
			case NONE -> false;
		}).toList();
	}

	/** Backends and the administrator reach every record of their types (less what the labels and consents hide). */
	boolean reachesAllRecords() {
		return role == AccessRole.ADMIN || role == AccessRole.INTEGRATION;
	}

	boolean allows(String type, SmartScope.Interaction interaction) {
		return effective().stream().anyMatch(s -> s.allows(type, interaction));
	}

	/** Some effective scope allows all of these on every type ({@code *}). */
	boolean allowsOnEveryType(SmartScope.Interaction... interactions) {
		return effective().stream().anyMatch(s -> "*".equals(s.resourceType())
				&& s.interactions().containsAll(java.util.Arrays.asList(interactions)));
	}
}
