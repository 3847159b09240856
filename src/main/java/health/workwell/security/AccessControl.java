package health.workwell.security;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.IInterceptorService;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.searchparam.MatchUrlService;
import ca.uhn.fhir.rest.server.RestfulServer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The FHIR server's access control, in the order the gates run (docs/security.md): scopes
 * ({@link ScopeCheck}), role policies ({@link RoleGate}), search shapes ({@link SearchShapeGate}), search
 * narrowing ({@link PatientSearchNarrowing}, {@link CreatorSearchNarrowing}, {@link LastNNarrowing},
 * {@link ConditionalMatchNarrowing}), records by role ({@link CompartmentRules}), then labels, consents and
 * masking on what goes out ({@link RecordVisibility}). Labels and the creator tag are set on every
 * write by the storage layer ({@link LabelsOnWrite}).
 */
@Configuration
public class AccessControl {

	private final CareTeamAssignments careTeams;
	private final RecordVisibility visibility;
	private final ConditionalMatchNarrowing conditionalMatches;

	public AccessControl(DaoRegistry daos, FhirContext fhirContext, IInterceptorService storageInterceptors, MatchUrlService matchUrls) {
		this.careTeams = new CareTeamAssignments(daos);
		this.visibility = new RecordVisibility(fhirContext, daos, careTeams);
		this.conditionalMatches = new ConditionalMatchNarrowing(fhirContext, daos, matchUrls, visibility);
		storageInterceptors.registerInterceptor(new LabelsOnWrite());
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
	}
}
