package health.workwell.security;

import health.workwell.testsupport.PostgresServer;

/** {@link SearchLeaksContract} against PostgreSQL. */
@PostgresServer
class PostgresSearchLeaksAttackIT extends SearchLeaksContract {}
