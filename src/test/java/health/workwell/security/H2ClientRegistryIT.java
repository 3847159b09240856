package health.workwell.security;

import health.workwell.testsupport.H2Server;
import org.springframework.boot.test.web.server.LocalServerPort;

/** {@link ClientRegistryContract} on the embedded H2 database. */
@H2Server
class H2ClientRegistryIT extends ClientRegistryContract {

	@LocalServerPort
	int port;

	@Override
	int port() {
		return port;
	}
}
