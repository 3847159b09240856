package health.workwell.assessment;

import health.workwell.testsupport.PostgresServer;

/** {@code $risk-assess} on PostgreSQL. */
@PostgresServer
class PostgresRiskAssessIT extends RiskAssessContract {}
