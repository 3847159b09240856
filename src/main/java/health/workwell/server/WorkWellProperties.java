package health.workwell.server;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * WorkWell's own settings, under the {@code workwell.} prefix (documented in docs/configuration.md).
 *
 * @param dataDir where the embedded database, Lucene index and other local state live
 */
@ConfigurationProperties("workwell")
public record WorkWellProperties(
		@DefaultValue("./data") String dataDir,
		@DefaultValue Limits limits,
		@DefaultValue Search search,
		@DefaultValue Batch batch,
		@DefaultValue Population population) {

	/**
	 * Caps on what one request may carry; beyond them the server answers 413.
	 *
	 * @param maxRequestBody largest accepted request body
	 * @param maxBundleEntries most entries accepted in a batch or transaction Bundle
	 * @param maxDecompressionRatio a {@code Content-Encoding: gzip} body may expand to at most this many
	 *     times the compressed bytes read so far (and to at most {@code maxRequestBody} in all)
	 * @param maxJsonDepth deepest nesting of objects and arrays accepted in a JSON body (400 beyond)
	 */
	public record Limits(
			@DefaultValue("20MB") DataSize maxRequestBody,
			@DefaultValue("10000") int maxBundleEntries,
			@DefaultValue("100") int maxDecompressionRatio,
			@DefaultValue("100") int maxJsonDepth) {}

	/**
	 * @param reuseCachedResultsMillis how long HAPI may answer a search from an earlier identical
	 *     search; 0 (the default) turns reuse off, so a search always sees what was just written
	 * @param defaultPageSize page size when the client sends no {@code _count}
	 * @param maxPageSize largest {@code _count} honoured
	 */
	public record Search(
			@DefaultValue("0") long reuseCachedResultsMillis,
			@DefaultValue("20") int defaultPageSize,
			@DefaultValue("500") int maxPageSize) {}

	/**
	 * @param maintenanceIntervalMillis how often batch jobs (Bulk Data export, reindex) advance a step;
	 *     HAPI's default of 60 s makes even a tiny export take minutes
	 */
	public record Batch(@DefaultValue("2000") long maintenanceIntervalMillis) {}

	/**
	 * Population runs of {@code $risk-assess} and {@code $tier} over an enterprise or a group.
	 *
	 * @param chunkSize patients read and written per step (one transaction each)
	 * @param pollIntervalMillis how often a node looks for a run to start or to take over
	 * @param leaseMillis a run whose node has not reported for this long is taken over by another
	 *     (or by the same node after a restart)
	 * @param minReportedSize k of small-cell suppression: the counts of a run over fewer patients are shown
	 *     only to roles that treat patients (administrator, clinician); integration gets a suppression
	 */
	public record Population(
			@DefaultValue("250") int chunkSize,
			@DefaultValue("5000") long pollIntervalMillis,
			@DefaultValue("120000") long leaseMillis,
			@DefaultValue("5") int minReportedSize) {}
}
