package health.workwell.security;

import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.util.UrlUtil;
import java.util.Map;
import org.hl7.fhir.r4.model.Bundle;

/**
 * The request a batch or transaction entry makes, parsed once for every gate ({@link ScopeCheck},
 * {@link RoleGate}, {@link SearchShapeGate}) the way HAPI resolves it: a leading {@code /} and this
 * server's own base are dropped, so {@code /AuditEvent?...} is an AuditEvent search like
 * {@code AuditEvent?...}. A URL naming another server is refused (400).
 *
 * @param type the resource type, or {@code null} for the system level
 * @param id the instance id, or {@code null}
 * @param operation the {@code $operation}, or {@code null}
 * @param query the query parameters (also those of a conditional URL)
 * @param ifNoneExist the entry's conditional create URL, or {@code null}
 */
record EntryRequest(Bundle.HTTPVerb method, String type, String id, String operation, Map<String, String[]> query,
		String ifNoneExist) {

	static EntryRequest of(Bundle.BundleEntryRequestComponent request, String serverBase) {
		String url = request.getUrl();
		if (serverBase != null && url.startsWith(serverBase)) {
			url = url.substring(serverBase.length());
		}
		url = url.replaceFirst("^/+", "");
		String[] pathAndQuery = url.split("\\?", 2);
		Map<String, String[]> query = pathAndQuery.length > 1 ? UrlUtil.parseQueryString(pathAndQuery[1]) : Map.of();
		String ifNoneExist = request.hasIfNoneExist() ? request.getIfNoneExist() : null;
		if (pathAndQuery[0].contains("://")) {
			throw new InvalidRequestException("A batch or transaction entry's url must address this server: " + request.getUrl());
		}
		String[] segments = pathAndQuery[0].split("/");
		String type = segments[0].isEmpty() || segments[0].startsWith("$") || segments[0].startsWith("_") ? null : segments[0];
		String operation = null;
		String id = null;
		for (int i = type == null ? 0 : 1; i < segments.length; i++) {
			if (segments[i].startsWith("$")) {
				operation = segments[i];
			} else if (i == 1 && !segments[i].startsWith("_")) {
				id = segments[i];
			}
		}
		return new EntryRequest(request.getMethod(), type, id, operation, query, ifNoneExist);
	}

	/** A search (or a conditional URL) whose parameters the search rules apply to. */
	boolean searches() {
		return !query.isEmpty();
	}
}
