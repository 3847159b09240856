package health.workwell.security;

import health.workwell.testsupport.H2Server;

/** {@link SearchLeaksContract} against the embedded default (H2). */
@H2Server
class SearchLeaksAttackIT extends SearchLeaksContract {}
