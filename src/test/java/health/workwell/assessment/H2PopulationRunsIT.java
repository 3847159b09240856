package health.workwell.assessment;

import health.workwell.testsupport.H2Server;

/** Population runs on the embedded default database. */
@H2Server
class H2PopulationRunsIT extends PopulationRunsContract {}
