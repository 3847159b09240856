package health.workwell.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/** Before authentication a token request counts for its source address, never for the client it names. */
class ClientRateLimitTest {

	private final RateLimitWindows windows = new RateLimitWindows();
	private final ClientRateLimit limit = new ClientRateLimit(token -> {
		throw new BadJwtException("not a token of this server");
	}, new CachedClients(new RegisteredClientRepository() {
		@Override
		public void save(RegisteredClient client) {}

		@Override
		public RegisteredClient findById(String id) {
			return null;
		}

		@Override
		public RegisteredClient findByClientId(String clientId) {
			return null;
		}
	}), 2, windows);

	private int tokenRequest(String address, String clientId) throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/oauth2/token");
		request.setRemoteAddr(address);
		request.setParameter("client_id", clientId);
		MockHttpServletResponse response = new MockHttpServletResponse();
		limit.doFilter(request, response, new MockFilterChain());
		return response.getStatus();
	}

	@Test
	void unauthenticatedTokenRequestsCountPerAddressNotPerNamedClient() throws Exception {
		assertThat(tokenRequest("203.0.113.7", "vendor")).isEqualTo(200);
		assertThat(tokenRequest("203.0.113.7", "vendor")).isEqualTo(200);
		assertThat(tokenRequest("203.0.113.7", "vendor")).isEqualTo(429);
		// another address naming the same client goes on, and the client's own bucket is untouched
		assertThat(tokenRequest("198.51.100.1", "vendor")).isEqualTo(200);
		assertThat(windows.admit("client:vendor", 2, System.currentTimeMillis())).isZero();
	}

	@Test
	void aFhirRequestWithoutAValidTokenCountsForItsAddress() throws Exception {
		for (int i = 0; i < 3; i++) {
			MockHttpServletRequest request = new MockHttpServletRequest("GET", "/fhir/Patient");
			request.setRemoteAddr("192.0.2.9");
			request.addHeader("Authorization", "Bearer forged");
			MockHttpServletResponse response = new MockHttpServletResponse();
			limit.doFilter(request, response, new MockFilterChain());
			assertThat(response.getStatus()).isEqualTo(i < 2 ? 200 : 429);
		}
	}
}
