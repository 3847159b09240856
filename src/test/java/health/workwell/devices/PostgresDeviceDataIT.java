package health.workwell.devices;

import health.workwell.testsupport.PostgresServer;

/** Device data on PostgreSQL. */
@PostgresServer
class PostgresDeviceDataIT extends DeviceDataContract {}
