package health.workwell.server;

import health.workwell.testsupport.PostgresServer;

/** The persistence contract on a real PostgreSQL (see {@link health.workwell.testsupport.TestPostgres} for which one). */
@PostgresServer
class PostgresPersistenceIT extends FhirPersistenceContract {}
