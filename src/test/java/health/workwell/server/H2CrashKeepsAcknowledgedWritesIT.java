package health.workwell.server;

/**
 * The embedded default (file-based H2 in the data directory) keeps acknowledged writes across SIGKILL. H2 delays
 * writing its log by 500 ms by default; {@code WRITE_DELAY=0} in the data source URL makes a commit reach the file
 * before the answer goes out (without it about 10 of 489 acknowledged readings were lost here, 25 of 902 in issue 16).
 */
class H2CrashKeepsAcknowledgedWritesIT extends CrashKeepsAcknowledgedWritesContract {

	@Override
	String[] databaseArguments() {
		return new String[0];
	}
}
