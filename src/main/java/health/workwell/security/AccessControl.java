package health.workwell.security;

import ca.uhn.fhir.batch2.api.IJobCoordinator;
import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.IInterceptorService;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.searchparam.MatchUrlService;
import ca.uhn.fhir.jpa.searchparam.extractor.ISearchParamExtractor;
import ca.uhn.fhir.rest.server.RestfulServer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The FHIR server's access control, in the order the gates run (docs/security.md): scopes
 * ({@link ScopeCheck}), role policies ({@link RoleGate}), search shapes ({@link SearchShapeGate}), search
 * narrowing ({@link PatientSearchNarrowing}, {@link CreatorSearchNarrowing}, {@link LastNNarrowing},
 * {@link ConditionalMatchNarrowing}), records by role ({@link CompartmentRules}), then labels, consents and
 * masking on what goes out ({@link RecordVisibility}); Bulk Data export files for their requester only
 * ({@link BulkExportOwnership}). Labels, the creator tag and the employee's {@link PatientReported} mark are set
 * on every write by the storage layer ({@link LabelsOnWrite}), which also holds every client's write to who may
 * write what ({@link WriteRules}). Subscriptions: what may be stored ({@link SubscriptionRules}) and what may be
 * delivered ({@link SubscriptionDeliveries}).
 */
@Configuration
public class AccessControl {

	private final CareTeamAssignments careTeams;
	private final RecordVisibility visibility;
	private final BulkExportOwnership exportOwnership;
	private final ConditionalMatchNarrowing conditionalMatches;

	public AccessControl(DaoRegistry daos, FhirContext fhirContext, IInterceptorService storageInterceptors,
			SecurityProperties properties, ObjectProvider<IJobCoordinator> jobs, ISearchParamExtractor references,
			MatchUrlService matchUrls) {
		this.careTeams = new CareTeamAssignments(daos);
		this.visibility = new RecordVisibility(fhirContext, daos, careTeams);
		this.exportOwnership = new BulkExportOwnership(fhirContext, jobs);
		this.conditionalMatches = new ConditionalMatchNarrowing(fhirContext, daos, matchUrls, visibility);
		storageInterceptors.registerInterceptor(new WriteRules(references, careTeams));
		storageInterceptors.registerInterceptor(new LabelsOnWrite());
		SubscriptionEndpoints endpoints = new SubscriptionEndpoints(properties.subscriptions().allowedEndpoints());
		storageInterceptors.registerInterceptor(new SubscriptionRules(fhirContext, endpoints));
		storageInterceptors.registerInterceptor(new SubscriptionDeliveries(fhirContext, endpoints));
	}

	@Bean
	public CareTeamAssignments careTeamAssignments() {
		return careTeams;
	}

	/** Registers the request-level gates with the FHIR server. */
	public void registerWith(RestfulServer server) {
		server.registerInterceptor(new ScopeCheck());
		server.registerInterceptor(new RoleGate());
		server.registerInterceptor(new SearchShapeGate());
		server.registerInterceptor(new PatientSearchNarrowing(careTeams));
		server.registerInterceptor(new CreatorSearchNarrowing());
		server.registerInterceptor(new LastNNarrowing(careTeams));
		server.registerInterceptor(conditionalMatches);
		server.registerInterceptor(new CompartmentRules(careTeams));
		server.registerInterceptor(visibility);
		server.registerInterceptor(exportOwnership);
	}
}
