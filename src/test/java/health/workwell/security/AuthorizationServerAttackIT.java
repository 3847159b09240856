package health.workwell.security;

import health.workwell.testsupport.H2Server;

/** {@link AuthorizationServerContract} against the embedded default (H2). */
@H2Server
class AuthorizationServerAttackIT extends AuthorizationServerContract {}
