package health.workwell.assessment;

import health.workwell.testsupport.PostgresServer;

/** Population runs on PostgreSQL. */
@PostgresServer
class PostgresPopulationRunsIT extends PopulationRunsContract {}
