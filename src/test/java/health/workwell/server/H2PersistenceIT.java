package health.workwell.server;

import health.workwell.testsupport.H2Server;

/** The persistence contract on the embedded default database (H2). */
@H2Server
class H2PersistenceIT extends FhirPersistenceContract {}
