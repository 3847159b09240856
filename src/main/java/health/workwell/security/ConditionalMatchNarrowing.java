package health.workwell.security;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.searchparam.MatchUrlService;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.Constants;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.ResponseDetails;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.PreconditionFailedException;
import ca.uhn.fhir.util.UrlUtil;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Resource;

/**
 * A conditional URL ({@code If-None-Exist}, {@code PUT}/{@code PATCH}/{@code DELETE Type?...}, also in
 * batch and transaction entries) is a search whose matches the server acts on without showing them. It
 * is narrowed before it runs to the records the caller may see ({@link RecordVisibility}: their
 * compartments, labels, consents, a vendor's own records), so that a record the caller may not read
 * is no match: the request answers as if it did not exist (a conditional create creates, a delete
 * deletes nothing, an update is refused as for no match: {@link #noVisibleMatch}) and no answer names it
 * (HAPI quotes the URL in some answers: it is put back as sent). A device vendor's URL gets its creator tag instead ({@link CreatorSearchNarrowing}).
 * The administrator's URLs are not narrowed; HR and role-less tokens write nothing ({@link RoleGate}).
 */
@Interceptor
public class ConditionalMatchNarrowing {

	/** More matches than this are refused (412) before any is looked at: a conditional URL names one record. */
	static final int MOST_MATCHES = 100;
	/** A tag no record carries (the server sets no tag of this system): the query of a delete whose matches are all hidden. */
	static final String NO_RECORD = "_tag=" + UrlUtil.escapeUrlParam("http://workwell.health/fhir/CodeSystem/no-match|none");
	private static final String REWRITES = ConditionalMatchNarrowing.class.getName() + ".rewrites";

	private static final Set<RestOperationTypeEnum> CONDITIONAL_BY_URL = Set.of(RestOperationTypeEnum.UPDATE,
			RestOperationTypeEnum.PATCH, RestOperationTypeEnum.DELETE);

	private final FhirContext fhirContext;
	private final DaoRegistry daos;
	private final MatchUrlService matchUrls;
	private final RecordVisibility visibility;

	public ConditionalMatchNarrowing(FhirContext fhirContext, DaoRegistry daos, MatchUrlService matchUrls, RecordVisibility visibility) {
		this.fhirContext = fhirContext;
		this.daos = daos;
		this.matchUrls = matchUrls;
		this.visibility = visibility;
	}

	/** Before the method's parameters are read (they include the conditional URL). */
	@Hook(Pointcut.SERVER_INCOMING_REQUEST_POST_PROCESSED)
	public void narrow(RequestDetails request) {
		GrantedAccess access = GrantedAccess.current();
		RestOperationTypeEnum operation = request.getRestOperationType();
		if (!appliesTo(access) || operation == null) {
			return;
		}
		String type = request.getResourceName();
		if (operation == RestOperationTypeEnum.CREATE) {
			String ifNoneExist = request.getConditionalUrl(operation);
			if (ifNoneExist != null) {
				String narrowed = narrowed(access, request, type, ifNoneExist, Bundle.HTTPVerb.POST);
				request.setHeaders(Constants.HEADER_IF_NONE_EXIST, narrowed == null ? List.of() : List.of(type + "?" + narrowed));
			}
		} else if (CONDITIONAL_BY_URL.contains(operation) && request.getConditionalUrl(operation) != null) {
			String narrowed = narrowed(access, request, type, request.getConditionalUrl(operation),
					operation == RestOperationTypeEnum.DELETE ? Bundle.HTTPVerb.DELETE : Bundle.HTTPVerb.PUT);
			String complete = request.getCompleteUrl();
			request.setCompleteUrl(complete.substring(0, complete.indexOf('?') + 1) + narrowed);
		}
	}

	/** Once a batch or transaction has been parsed, before its entries run. */
	@Hook(Pointcut.SERVER_INCOMING_REQUEST_PRE_HANDLED)
	public void narrowEntries(RequestDetails request, RestOperationTypeEnum operation) {
		GrantedAccess access = GrantedAccess.current();
		if (appliesTo(access) && (operation == RestOperationTypeEnum.TRANSACTION || operation == RestOperationTypeEnum.BATCH)
				&& request.getResource() instanceof Bundle bundle) {
			for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
				narrowEntry(access, request, entry.getRequest());
			}
		}
	}

	/** The administrator's URLs are not narrowed; HR and tokens without a role write nothing (RoleGate). */
	private static boolean appliesTo(GrantedAccess access) {
		return access.role() != AccessRole.ADMIN && access.role() != AccessRole.HR && access.role() != AccessRole.NONE;
	}

	private void narrowEntry(GrantedAccess access, RequestDetails request, Bundle.BundleEntryRequestComponent entry) {
		if (!entry.hasUrl() || entry.getMethod() == null) {
			return;
		}
		EntryRequest parsed = EntryRequest.of(entry, request.getFhirServerBase());
		if (parsed.type() == null) {
			return;
		}
		if (entry.getMethod() == Bundle.HTTPVerb.POST && parsed.ifNoneExist() != null) {
			String narrowed = narrowed(access, request, parsed.type(), parsed.ifNoneExist(), Bundle.HTTPVerb.POST);
			entry.setIfNoneExist(narrowed == null ? null : parsed.type() + "?" + narrowed);
		} else if (parsed.id() == null && parsed.searches() && (entry.getMethod() == Bundle.HTTPVerb.PUT
				|| entry.getMethod() == Bundle.HTTPVerb.PATCH || entry.getMethod() == Bundle.HTTPVerb.DELETE)) {
			entry.setUrl(parsed.type() + "?" + narrowed(access, request, parsed.type(), entry.getUrl(), entry.getMethod()));
		}
	}

	/**
	 * The conditional URL's query narrowed to what the caller may see: unchanged when it matches nothing
	 * hidden, {@code _id=} the visible matches when there are some, and when all its matches are hidden
	 * {@code null} for a create (no condition: it creates) or, for a delete, the query and a tag no record
	 * carries ({@link #NO_RECORD}), so that it answers as for no match. An update without a visible
	 * match is refused ({@link #noVisibleMatch}).
	 */
	private String narrowed(GrantedAccess access, RequestDetails request, String type, String conditionalUrl, Bundle.HTTPVerb method) {
		boolean create = method == Bundle.HTTPVerb.POST;
		boolean update = method == Bundle.HTTPVerb.PUT || method == Bundle.HTTPVerb.PATCH;
		String query = conditionalUrl.substring(conditionalUrl.indexOf('?') + 1);
		// the search rules first: the match itself must not select by what the caller may not read (_has, chains)
		SearchShapeGate.checkSearch(access, type, UrlUtil.parseQueryString(query));
		if (access.role() == AccessRole.DEVICE_VENDOR) {
			return query + "&_tag=" + UrlUtil.escapeUrlParam(LabelsOnWrite.CREATED_BY_SYSTEM + "|" + access.client());
		}
		SearchParameterMap match = matchUrls.translateMatchUrl(type + "?" + query, fhirContext.getResourceDefinition(type));
		match.setLoadSynchronousUpTo(MOST_MATCHES + 1);
		List<IBaseResource> matches = daos.getResourceDao(type).search(match, new Resolution()).getResources(0, MOST_MATCHES + 1);
		if (matches.size() > MOST_MATCHES) {
			throw new PreconditionFailedException("The conditional URL matches more than " + MOST_MATCHES + " records");
		}
		Map<Boolean, List<String>> byVisibility = matches.stream().filter(Resource.class::isInstance)
				.collect(Collectors.partitioningBy(r -> visibility.visible(access, (Resource) r, request),
						Collectors.mapping(r -> r.getIdElement().getIdPart(), Collectors.toList())));
		List<String> hidden = byVisibility.get(false);
		if (update && byVisibility.get(true).isEmpty()) {
			throw noVisibleMatch(); // hidden matches or none: the same answer
		}
		if (hidden.isEmpty()) {
			return query;
		}
		if (!byVisibility.get(true).isEmpty()) {
			return "_id=" + String.join(",", byVisibility.get(true));
		}
		if (create) {
			return null;
		}
		if (update) {
			throw noVisibleMatch();
		}
		String matchingNothing = query + "&" + NO_RECORD;
		rewrites(request).put(type + "?" + matchingNothing, type + "?" + query);
		return matchingNothing;
	}

	/**
	 * A conditional update that matches nothing creates the record (FHIR); HAPI then checks that the record
	 * satisfies the URL, which a URL less the hidden records never does. So for these roles a conditional
	 * update must match a record they may see, whether the others are hidden or absent.
	 */
	private static PreconditionFailedException noVisibleMatch() {
		return new PreconditionFailedException("A conditional update must match one record this token may change; "
				+ "to create the record, POST it (If-None-Exist for a conditional create)");
	}

	/** HAPI quotes a conditional URL in some answers: the caller sees the URL it sent, never the hidden ids. */
	@Hook(Pointcut.SERVER_OUTGOING_RESPONSE)
	public void restoreInOutcome(RequestDetails request, ResponseDetails response) {
		if (response.getResponseResource() instanceof OperationOutcome outcome && request.getUserData().containsKey(REWRITES)) {
			outcome.getIssue().forEach(issue -> issue.setDiagnostics(restored(request, issue.getDiagnostics())));
		}
	}

	@Hook(Pointcut.SERVER_PRE_PROCESS_OUTGOING_EXCEPTION)
	public BaseServerResponseException restoreInException(RequestDetails request, Throwable exception) {
		if (request == null || !request.getUserData().containsKey(REWRITES) || !(exception instanceof BaseServerResponseException refusal)
				|| refusal.getMessage() == null) {
			return null;
		}
		String message = restored(request, refusal.getMessage());
		return message.equals(refusal.getMessage()) ? null : BaseServerResponseException.newInstance(refusal.getStatusCode(), message);
	}

	private static String restored(RequestDetails request, String text) {
		String result = text;
		for (Map.Entry<String, String> rewrite : rewrites(request).entrySet()) {
			result = result == null ? null : result.replace(rewrite.getKey(), rewrite.getValue());
		}
		return result;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, String> rewrites(RequestDetails request) {
		return (Map<String, String>) request.getUserData().computeIfAbsent(REWRITES, k -> new HashMap<String, String>());
	}

	/** The server's own look-up of a conditional URL's matches: {@link RecordVisibility} leaves it unfiltered. */
	static final class Resolution extends SystemRequestDetails {}
}
