package health.workwell.security;

import health.workwell.testsupport.H2Server;

/** {@link SubscriptionContract} against the embedded default (H2). */
@H2Server
class SubscriptionAttackIT extends SubscriptionContract {}
