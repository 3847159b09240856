package health.workwell.security;

import static org.assertj.core.api.Assertions.assertThat;

import health.workwell.security.SmartScope.Context;
import health.workwell.security.SmartScope.Interaction;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** SMART App Launch 2.2, scopes-and-launch-context.html: v2 letters, v1 compatibility, never wider. */
class SmartScopeTest {

	@Test
	void v2LettersInOrder() {
		SmartScope scope = SmartScope.parse("patient/Observation.rs").orElseThrow();

		assertThat(scope.context()).isEqualTo(Context.PATIENT);
		assertThat(scope.resourceType()).isEqualTo("Observation");
		assertThat(scope.interactions()).containsExactlyInAnyOrder(Interaction.READ, Interaction.SEARCH);
		assertThat(scope.allows("Observation", Interaction.READ)).isTrue();
		assertThat(scope.allows("Observation", Interaction.CREATE)).isFalse();
		assertThat(scope.allows("Condition", Interaction.READ)).isFalse();
	}

	@Test
	void readWithoutSearchIsNotSearch() {
		// the spec's own example: patient/Observation.r allows GET Observation/1 but not GET Observation?...
		SmartScope scope = SmartScope.parse("patient/Observation.r").orElseThrow();

		assertThat(scope.allows("Observation", Interaction.READ)).isTrue();
		assertThat(scope.allows("Observation", Interaction.SEARCH)).isFalse();
	}

	@Test
	void v1ScopesMapToV2() {
		assertThat(SmartScope.parse("user/*.read").orElseThrow().interactions())
				.isEqualTo(EnumSet.of(Interaction.READ, Interaction.SEARCH));
		assertThat(SmartScope.parse("patient/Observation.write").orElseThrow().interactions())
				.isEqualTo(EnumSet.of(Interaction.CREATE, Interaction.UPDATE, Interaction.DELETE));
		assertThat(SmartScope.parse("system/*.*").orElseThrow().interactions()).isEqualTo(EnumSet.allOf(Interaction.class));
		assertThat(SmartScope.parse("system/*.cruds").orElseThrow().allows("Patient", Interaction.DELETE)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = {
		"patient/Observation.dus", // out of order: never read as something wider
		"patient/Observation.rr",
		"patient/Observation.x",
		"patient/Observation.",
		"clinic/Observation.rs",
		"patient/observation.rs",
		"patient/Observation.rs?category=laboratory", // granular scopes are not enforced yet: they grant nothing
		"openid", "fhirUser", "launch/patient", "offline_access"
	})
	void anythingElseGrantsNothing(String scope) {
		assertThat(SmartScope.parse(scope)).isEmpty();
	}
}
