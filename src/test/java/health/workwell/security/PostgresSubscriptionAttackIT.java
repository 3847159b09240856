package health.workwell.security;

import health.workwell.testsupport.PostgresServer;

/** {@link SubscriptionContract} against PostgreSQL. */
@PostgresServer
class PostgresSubscriptionAttackIT extends SubscriptionContract {}
