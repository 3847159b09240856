package health.workwell.security;

import health.workwell.testsupport.PostgresServer;

/** {@link AuthorizationServerContract} against PostgreSQL. */
@PostgresServer
class PostgresAuthorizationServerAttackIT extends AuthorizationServerContract {}
