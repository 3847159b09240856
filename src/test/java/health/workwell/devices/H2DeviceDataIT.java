package health.workwell.devices;

import health.workwell.testsupport.H2Server;

/** Device data on the embedded default database. */
@H2Server
class H2DeviceDataIT extends DeviceDataContract {}
