package health.workwell.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class ProductionIssuerTest {

	@Test
	void thePostgresProfileRefusesToStartWithoutAnIssuer() {
		MockEnvironment production = new MockEnvironment();
		production.setActiveProfiles("postgres");
		assertThatThrownBy(() -> ProductionIssuer.require(production, ""))
				.isInstanceOf(IllegalStateException.class)
				.hasMessageContaining("workwell.security.issuer").hasMessageContaining("WORKWELL_SECURITY_ISSUER");
		assertThat(ProductionIssuer.require(production, "https://workwell.example.org")).isEqualTo("https://workwell.example.org");
	}

	@Test
	void theEmbeddedDefaultMayTakeTheIssuerFromTheRequest() {
		assertThat(ProductionIssuer.require(new MockEnvironment(), "")).isEmpty();
	}
}
