package health.workwell.security;

import health.workwell.testsupport.H2Server;

/** {@link WriteRulesContract} against the H2 server. */
@H2Server
class WriteRulesAttackIT extends WriteRulesContract {}
