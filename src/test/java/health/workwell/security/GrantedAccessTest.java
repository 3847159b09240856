package health.workwell.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;

/** How a token's role is established (docs/security.md "Roles"). */
class GrantedAccessTest {

	private static GrantedAccess access(Map<String, Object> claims) {
		Jwt.Builder jwt = Jwt.withTokenValue("t").header("alg", "RS256").subject("someone")
				.issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(60));
		claims.forEach(jwt::claim);
		return GrantedAccess.of(jwt.build());
	}

	@Test
	void anEmployeeIsTheirFhirUserPatient() {
		GrantedAccess employee = access(Map.of("workwell_role", "employee", "fhirUser", "Patient/7", "scope", "user/*.*"));
		assertThat(employee.role()).isEqualTo(AccessRole.EMPLOYEE);
		assertThat(employee.self()).contains("7");
		assertThat(employee.allows("Observation", SmartScope.Interaction.READ)).isTrue();
	}

	@Test
	void anEmployeeTokenAboutSomeoneElseOrNoOneGrantsNothing() {
		assertThat(access(Map.of("workwell_role", "employee", "fhirUser", "Patient/7", "patient", "8", "scope", "patient/*.rs")).role())
				.isEqualTo(AccessRole.NONE);
		assertThat(access(Map.of("workwell_role", "employee", "fhirUser", "Practitioner/7", "scope", "patient/*.rs")).role())
				.isEqualTo(AccessRole.NONE);
		assertThat(access(Map.of("workwell_role", "employee", "scope", "user/*.rs")).role()).isEqualTo(AccessRole.NONE);
	}

	@Test
	void aClinicianIsTheirFhirUserPractitionerAndSystemScopesDoNotCountForThem() {
		GrantedAccess clinician = access(Map.of("workwell_role", "clinician", "fhirUser", "https://x.example/fhir/Practitioner/9",
				"scope", "user/Observation.rs system/*.cruds"));
		assertThat(clinician.role()).isEqualTo(AccessRole.CLINICIAN);
		assertThat(clinician.practitioner()).contains("9");
		assertThat(clinician.allows("Observation", SmartScope.Interaction.SEARCH)).isTrue();
		assertThat(clinician.allows("Patient", SmartScope.Interaction.READ)).isFalse();
		assertThat(access(Map.of("workwell_role", "clinician", "fhirUser", "Patient/9", "scope", "user/*.*")).role())
				.isEqualTo(AccessRole.NONE);
	}

	@Test
	void withoutARoleClaimTheScopesDecide() {
		assertThat(access(Map.of("scope", "system/*.cruds")).role()).isEqualTo(AccessRole.ADMIN);
		assertThat(access(Map.of("scope", java.util.List.of("system/*.cruds"))).role()).as("SAS writes a JSON array")
				.isEqualTo(AccessRole.ADMIN);
		assertThat(access(Map.of("scope", "system/Observation.rs")).role()).isEqualTo(AccessRole.INTEGRATION);
		assertThat(access(Map.of("scope", "patient/*.rs", "patient", "5")).role()).isEqualTo(AccessRole.EMPLOYEE);
		assertThat(access(Map.of("scope", "patient/*.rs", "patient", "5", "fhirUser", "Patient/5")).allows("Observation",
				SmartScope.Interaction.READ)).isTrue();
		assertThat(access(Map.of("scope", "user/*.rs patient/*.rs", "patient", "5")).allows("Observation", SmartScope.Interaction.CREATE))
				.isFalse();
		assertThat(access(Map.of("scope", "user/*.rs")).role()).as("user scopes need a role").isEqualTo(AccessRole.NONE);
	}

	@Test
	void anUnknownRoleGrantsNothing() {
		GrantedAccess unknown = access(Map.of("workwell_role", "superuser", "scope", "system/*.cruds"));
		assertThat(unknown.role()).isEqualTo(AccessRole.NONE);
		assertThat(unknown.allows("Patient", SmartScope.Interaction.READ)).isFalse();
	}

	@Test
	void backendRolesCountOnlySystemScopes() {
		GrantedAccess vendor = access(Map.of("workwell_role", "device-vendor", "client_id", "v", "scope", "system/Observation.c user/*.*"));
		assertThat(vendor.client()).isEqualTo("v");
		assertThat(vendor.allows("Observation", SmartScope.Interaction.CREATE)).isTrue();
		assertThat(vendor.allows("Patient", SmartScope.Interaction.READ)).isFalse();
	}
}
