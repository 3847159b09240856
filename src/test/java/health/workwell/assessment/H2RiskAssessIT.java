package health.workwell.assessment;

import health.workwell.testsupport.H2Server;

/** {@code $risk-assess} on the embedded default database. */
@H2Server
class H2RiskAssessIT extends RiskAssessContract {}
