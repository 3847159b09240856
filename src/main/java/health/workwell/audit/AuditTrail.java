package health.workwell.audit;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.jpa.api.dao.IFhirResourceDao;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.server.servlet.ServletRequestDetails;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventAction;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventOutcome;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Writes one AuditEvent per FHIR request once it has been answered, whatever the answer (read, search,
 * write, operation; allowed or refused): the client and user of the access token, the source address,
 * the interaction, the resource (type and id, or the search query) and the outcome by HTTP status. The
 * CapabilityStatement and SMART discovery, which hold no personal data, are not audited.
 */
@Interceptor
public class AuditTrail {

	static final String CLIENT_SYSTEM = "http://workwell.health/fhir/sid/oauth-client";
	static final String USER_SYSTEM = "http://workwell.health/fhir/sid/oauth-subject";

	private static final Logger log = LoggerFactory.getLogger(AuditTrail.class);

	private final IFhirResourceDao<AuditEvent> auditEvents;

	public AuditTrail(IFhirResourceDao<AuditEvent> auditEvents) {
		this.auditEvents = auditEvents;
	}

	@Hook(Pointcut.SERVER_PROCESSING_COMPLETED)
	public void record(ServletRequestDetails request) {
		RestOperationTypeEnum interaction = request.getRestOperationType();
		if (interaction == null || interaction == RestOperationTypeEnum.METADATA) {
			return;
		}
		try {
			auditEvents.create(event(request, interaction, request.getServletResponse().getStatus()), new SystemRequestDetails());
		} catch (RuntimeException e) {
			// the answer has gone out; a lost audit record is an operations alarm, not the client's error
			log.error("Could not write the AuditEvent of {} {}", request.getRequestType(), request.getCompleteUrl(), e);
		}
	}

	/**
	 * A request refused before it reached the FHIR server (401: no, or no valid, access token; 403 from
	 * the web layer): a DICOM "User Authentication" event, failed, with the source address and what was
	 * asked for. Nothing of the presented token is kept: it was not valid, so its claims are not facts.
	 */
	public void recordRefusedBeforeFhir(jakarta.servlet.http.HttpServletRequest request, int status, String reason) {
		try {
			AuditEvent event = new AuditEvent();
			event.setType(new Coding("http://dicom.nema.org/resources/ontology/DCM", "110114", "User Authentication"));
			event.addSubtype(new Coding("http://dicom.nema.org/resources/ontology/DCM", "110122", "Login"));
			event.setAction(AuditEventAction.E);
			event.setRecorded(new Date());
			event.setOutcome(status < 500 ? AuditEventOutcome._4 : AuditEventOutcome._8);
			event.setOutcomeDesc("HTTP " + status + ": " + reason);
			AuditEvent.AuditEventAgentComponent agent = event.addAgent().setRequestor(true);
			agent.setName("(unauthenticated)");
			agent.getNetwork().setAddress(request.getRemoteAddr()).setType(AuditEvent.AuditEventAgentNetworkType._2);
			event.getSource().setSite("WorkWell FHIR server").getObserver().setDisplay("WorkWell FHIR server");
			event.getSource().addType(new Coding("http://terminology.hl7.org/CodeSystem/security-source-type", "4", "Application Server"));
			AuditEvent.AuditEventEntityComponent entity = event.addEntity();
			entity.setName(request.getRequestURI());
			if (request.getQueryString() != null) {
				entity.setQuery(request.getQueryString().getBytes(StandardCharsets.UTF_8));
			}
			entity.setDescription(request.getMethod() + " " + request.getRequestURI());
			auditEvents.create(event, new SystemRequestDetails());
		} catch (RuntimeException e) {
			log.error("Could not write the AuditEvent of a refused {} {}", request.getMethod(), request.getRequestURI(), e);
		}
	}

	private static AuditEvent event(ServletRequestDetails request, RestOperationTypeEnum interaction, int status) {
		AuditEvent event = new AuditEvent();
		event.setType(new Coding("http://terminology.hl7.org/CodeSystem/audit-event-type", "rest", "RESTful Operation"));
		event.addSubtype(new Coding("http://hl7.org/fhir/restful-interaction", interaction.getCode(), null));
		event.setAction(action(interaction));
		event.setRecorded(new Date());
		event.setOutcome(status < 400 ? AuditEventOutcome._0 : status < 500 ? AuditEventOutcome._4 : AuditEventOutcome._8);
		event.setOutcomeDesc("HTTP " + status);

		AuditEvent.AuditEventAgentComponent agent = event.addAgent().setRequestor(true);
		if (SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken token) {
			String client = token.getToken().getClaimAsString("client_id");
			String subject = token.getToken().getSubject();
			agent.setWho(new Reference().setIdentifier(new Identifier().setSystem(CLIENT_SYSTEM)
					.setValue(client != null ? client : subject)));
			agent.setAltId(subject);
			agent.setName(subject);
		}
		agent.getNetwork().setAddress(request.getServletRequest().getRemoteAddr())
				.setType(AuditEvent.AuditEventAgentNetworkType._2);

		event.getSource().setSite("WorkWell FHIR server").getObserver().setDisplay("WorkWell FHIR server");
		event.getSource().addType(new Coding("http://terminology.hl7.org/CodeSystem/security-source-type", "4", "Application Server"));

		// the record is named, not referenced: a reference would keep the record from being deleted, and
		// one to a missing or deleted record (a refused or a delete request) could not be stored at all
		AuditEvent.AuditEventEntityComponent entity = event.addEntity();
		entity.setName(request.getId() != null && request.getId().hasIdPart()
				? request.getResourceName() + "/" + request.getId().getIdPart()
				: request.getResourceName() != null ? request.getResourceName() : "(system)");
		if (request.getCompleteUrl() != null && request.getCompleteUrl().contains("?")) {
			entity.setQuery(request.getCompleteUrl().substring(request.getCompleteUrl().indexOf('?') + 1)
					.getBytes(StandardCharsets.UTF_8));
		}
		entity.setDescription(request.getRequestType() + " " + request.getRequestPath());
		return event;
	}

	private static AuditEventAction action(RestOperationTypeEnum interaction) {
		return switch (interaction) {
			case CREATE -> AuditEventAction.C;
			case READ, VREAD, SEARCH_TYPE, SEARCH_SYSTEM, HISTORY_INSTANCE, HISTORY_TYPE, HISTORY_SYSTEM, GET_PAGE -> AuditEventAction.R;
			case UPDATE, PATCH -> AuditEventAction.U;
			case DELETE -> AuditEventAction.D;
			default -> AuditEventAction.E;
		};
	}
}
