package health.workwell.security;

import health.workwell.testsupport.PostgresServer;

/** {@link WriteRulesContract} against the PostgreSQL server. */
@PostgresServer
class PostgresWriteRulesAttackIT extends WriteRulesContract {}
