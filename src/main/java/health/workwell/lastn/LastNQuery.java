package health.workwell.lastn;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.api.dao.IFhirResourceDao;
import ca.uhn.fhir.jpa.dao.SearchBuilderFactory;
import ca.uhn.fhir.jpa.dao.tx.IHapiTransactionService;
import ca.uhn.fhir.jpa.model.dao.JpaPid;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Observation;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The FHIR R4 {@code Observation/$lastn} operation (http://hl7.org/fhir/R4/observation-operation-lastn.html):
 * for each subject and each Observation code, the {@code max} most recent matching Observations.
 *
 * <p>HAPI 8.8.0 answers $lastn only on Elasticsearch, so WorkWell computes it itself. The filters go
 * through HAPI's ordinary search (so every search parameter, and later every access rule on search,
 * applies); only the grouping reads HAPI's own index tables, which hold the code, subject and date of
 * each matching Observation without parsing the resources. Just the winners are then loaded.
 */
@Component
public class LastNQuery {

	private static final int CHUNK = 500;

	private static final String INDEX_ROWS = """
			SELECT t.RES_ID, t.SP_SYSTEM, t.SP_VALUE, l.TARGET_RESOURCE_ID, d.SP_VALUE_HIGH
			FROM HFJ_SPIDX_TOKEN t
			LEFT JOIN HFJ_RES_LINK l ON l.SRC_RESOURCE_ID = t.RES_ID AND l.SRC_PATH = 'Observation.subject'
			LEFT JOIN HFJ_SPIDX_DATE d ON d.RES_ID = t.RES_ID AND d.SP_NAME = 'date' AND d.RES_TYPE = 'Observation'
			WHERE t.RES_TYPE = 'Observation' AND t.SP_NAME = 'code' AND t.RES_ID IN (:ids)
			""";

	private final DaoRegistry daoRegistry;
	private final NamedParameterJdbcTemplate jdbc;
	private final SearchBuilderFactory<JpaPid> searchBuilders;
	private final IHapiTransactionService transactions;

	public LastNQuery(DaoRegistry daoRegistry, NamedParameterJdbcTemplate jdbc, SearchBuilderFactory<JpaPid> searchBuilders,
			IHapiTransactionService transactions) {
		this.daoRegistry = daoRegistry;
		this.jdbc = jdbc;
		this.searchBuilders = searchBuilders;
		this.transactions = transactions;
	}

	/**
	 * @param filters the Observation search that selects the candidates
	 * @param max how many Observations to keep per subject and code (at least 1)
	 * @return the kept Observations ordered by subject, code, then newest first
	 */
	public List<Observation> execute(SearchParameterMap filters, int max, RequestDetails request) {
		IFhirResourceDao<Observation> dao = daoRegistry.getResourceDao(Observation.class);
		filters.setLoadSynchronous(true);
		List<JpaPid> candidates = dao.searchForIds(filters, request);

		Map<GroupKey, List<Candidate>> groups = new TreeMap<>();
		for (int from = 0; from < candidates.size(); from += CHUNK) {
			List<Long> ids = candidates.subList(from, Math.min(candidates.size(), from + CHUNK)).stream()
					.map(JpaPid::getId)
					.toList();
			readIndexRows(ids, groups);
		}

		Set<Long> kept = new LinkedHashSet<>();
		for (List<Candidate> group : groups.values()) {
			group.stream()
					.distinct()
					.sorted(Candidate.NEWEST_FIRST)
					.limit(max)
					.forEach(candidate -> kept.add(candidate.resourceId()));
		}
		if (kept.isEmpty()) {
			return List.of();
		}
		// one batched load, in the order given (a read per winner made a record of 20 codes cost 20 queries)
		List<JpaPid> winners = kept.stream().map(JpaPid::fromId).toList();
		List<IBaseResource> loaded = transactions.withRequest(request).readOnly().execute(() ->
				searchBuilders.newSearchBuilder("Observation", Observation.class).loadResourcesByPid(winners, request));
		return loaded.stream().map(Observation.class::cast).toList();
	}

	private void readIndexRows(List<Long> ids, Map<GroupKey, List<Candidate>> groups) {
		List<IndexRow> rows = jdbc.query(INDEX_ROWS, new MapSqlParameterSource("ids", ids), (rs, rowNum) -> {
			Timestamp date = rs.getTimestamp(5);
			Object subject = rs.getObject(4);
			return new IndexRow(
					rs.getLong(1),
					nullToEmpty(rs.getString(2)),
					nullToEmpty(rs.getString(3)),
					subject == null ? -1L : ((Number) subject).longValue(),
					date == null ? Long.MIN_VALUE : date.getTime());
		});
		// An Observation may have several date rows (an effectivePeriod's start and end): rank by the latest.
		Map<Long, Long> latestDate = new HashMap<>();
		rows.forEach(row -> latestDate.merge(row.resourceId(), row.epochMillis(), Math::max));
		for (IndexRow row : rows) {
			groups.computeIfAbsent(new GroupKey(row.subject(), row.system(), row.code()), k -> new ArrayList<>())
					.add(new Candidate(row.resourceId(), latestDate.get(row.resourceId())));
		}
	}

	private record IndexRow(long resourceId, String system, String code, long subject, long epochMillis) {}

	private static String nullToEmpty(String value) {
		return value == null ? "" : value;
	}

	private record GroupKey(long subject, String system, String code) implements Comparable<GroupKey> {
		private static final Comparator<GroupKey> ORDER = Comparator.comparingLong(GroupKey::subject)
				.thenComparing(GroupKey::system)
				.thenComparing(GroupKey::code);

		@Override
		public int compareTo(GroupKey other) {
			return ORDER.compare(this, other);
		}
	}

	private record Candidate(long resourceId, long epochMillis) {
		static final Comparator<Candidate> NEWEST_FIRST = Comparator.comparingLong(Candidate::epochMillis)
				.reversed()
				.thenComparing(Comparator.comparingLong(Candidate::resourceId).reversed());
	}
}
