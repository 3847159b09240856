package health.workwell.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which requested scopes registered scopes cover (SMART wildcards, v1/v2, letters, granular queries, exact non-clinical scopes). */
class RegisteredScopePolicyTest {

	private final RegisteredScopePolicy policy = new RegisteredScopePolicy();

	private boolean covered(String registered, String requested) {
		return policy.covered(List.of(registered.split(" ")), requested);
	}

	@Test
	void aWildcardTypeCoversEveryType() {
		assertThat(covered("patient/*.rs", "patient/Observation.rs")).isTrue();
		assertThat(covered("system/*.cruds", "system/Patient.c")).isTrue();
		assertThat(covered("patient/Observation.rs", "patient/*.rs")).isFalse();
	}

	@Test
	void lettersMustBeASubsetAndV1MeansItsLetters() {
		assertThat(covered("patient/Observation.rs", "patient/Observation.r")).isTrue();
		assertThat(covered("patient/Observation.rs", "patient/Observation.read")).isTrue();
		assertThat(covered("patient/Observation.read", "patient/Observation.rs")).isTrue();
		assertThat(covered("patient/Observation.read", "patient/Observation.cruds")).isFalse();
		assertThat(covered("system/Observation.*", "system/Observation.cud")).isTrue();
		assertThat(covered("system/Observation.write", "system/Observation.rs")).isFalse();
		assertThat(covered("patient/Observation.rs", "patient/Observation.sr")).isFalse(); // out of order: not a scope
	}

	@Test
	void theContextMustMatch() {
		assertThat(covered("patient/*.cruds", "system/Observation.r")).isFalse();
		assertThat(covered("user/*.rs", "patient/Observation.rs")).isFalse();
	}

	@Test
	void aGranularScopeIsCoveredByItsBaseOrTheSameQuery() {
		String vitals = "patient/Observation.rs?category=http://terminology.hl7.org/CodeSystem/observation-category|vital-signs";
		assertThat(covered("patient/Observation.rs", vitals)).isTrue();
		assertThat(covered("patient/*.rs", vitals)).isTrue();
		assertThat(covered(vitals, vitals)).isTrue();
		assertThat(covered(vitals, "patient/Observation.r?category=http://terminology.hl7.org/CodeSystem/observation-category|vital-signs")).isTrue();
		assertThat(covered(vitals, "patient/Observation.rs")).isFalse();
		assertThat(covered(vitals, "patient/Observation.rs?category=laboratory")).isFalse();
		assertThat(covered("patient/Observation.r", vitals)).isFalse();
	}

	@Test
	void nonClinicalScopesMatchExactly() {
		assertThat(covered("openid fhirUser launch/patient offline_access", "launch/patient")).isTrue();
		assertThat(covered("launch", "launch/patient")).isFalse();
		assertThat(covered("offline_access", "online_access")).isFalse();
		assertThat(covered("patient/*.cruds", "openid")).isFalse();
		assertThat(policy.uncovered(List.of("openid", "patient/*.rs"), List.of("openid", "patient/Patient.r", "user/Patient.r")))
				.containsExactly("user/Patient.r");
	}
}
