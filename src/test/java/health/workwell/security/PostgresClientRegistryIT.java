package health.workwell.security;

import health.workwell.testsupport.PostgresServer;
import org.springframework.boot.test.web.server.LocalServerPort;

/** {@link ClientRegistryContract} on PostgreSQL. */
@PostgresServer
class PostgresClientRegistryIT extends ClientRegistryContract {

	@LocalServerPort
	int port;

	@Override
	int port() {
		return port;
	}
}
