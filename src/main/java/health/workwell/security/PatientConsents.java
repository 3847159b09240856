package health.workwell.security;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.ReferenceParam;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.Consent.ProvisionComponent;
import org.hl7.fhir.r4.model.Resource;

/**
 * One patient's privacy Consents (PIPL Art. 29: separate consent per purpose), read once per request:
 * <ul>
 *   <li>the purposes the employee consented to: an active Consent whose {@code category} holds
 *   {@value #PURPOSE_SYSTEM} {@code |psychological-data} or {@code |occupational-disease-data} and whose
 *   {@code provision.type} is {@code permit} (within {@code provision.period}); while there is none, or it is
 *   withdrawn ({@code inactive}, {@code rejected}), that data is shown to no one but the employee and not
 *   used in scores;</li>
 *   <li>the denials: an active Consent's provisions (top level or nested) of type {@code deny}, each
 *   matching resources by {@code class} (resource type), {@code code} and {@code securityLabel}, for the
 *   {@code actor}s it names or, naming none, for everyone but the employee.</li>
 * </ul>
 */
public final class PatientConsents {

	public static final String PURPOSE_SYSTEM = "http://workwell.health/fhir/CodeSystem/consent-purpose";
	public static final String PSYCHOLOGICAL = "psychological-data";
	public static final String OCCUPATIONAL = "occupational-disease-data";

	private static final String CACHE_KEY = PatientConsents.class.getName();

	private final List<Consent> active;

	private PatientConsents(List<Consent> active) {
		this.active = active;
	}

	/** The patient's active Consents, read with the server's own authority, cached on the request. */
	@SuppressWarnings("unchecked")
	public static PatientConsents of(DaoRegistry daos, String patientId, RequestDetails request) {
		Map<String, PatientConsents> cache = request == null ? new ConcurrentHashMap<>()
				: (Map<String, PatientConsents>) request.getUserData().computeIfAbsent(CACHE_KEY, k -> new ConcurrentHashMap<>());
		return cache.computeIfAbsent(patientId, id -> {
			List<Consent> consents = new ArrayList<>();
			SearchParameterMap search = SearchParameterMap.newSynchronous("patient", new ReferenceParam("Patient/" + id));
			for (Object found : daos.getResourceDao(Consent.class).searchForResources(search, new SystemRequestDetails())) {
				Consent consent = (Consent) found;
				if (consent.getStatus() == Consent.ConsentState.ACTIVE) {
					consents.add(consent);
				}
			}
			return new PatientConsents(consents);
		});
	}

	/** An active, current Consent of the employee permits processing for this purpose. */
	public boolean consentedTo(String purpose) {
		return active.stream().anyMatch(c -> permitsPurpose(c, purpose));
	}

	/** Of these patients, those whose active Consent permits processing for this purpose (one search). */
	public static java.util.Set<String> consentedPatients(DaoRegistry daos, java.util.Collection<String> patientIds, String purpose) {
		java.util.Set<String> consented = new java.util.HashSet<>();
		if (patientIds.isEmpty()) {
			return consented;
		}
		ca.uhn.fhir.rest.param.ReferenceOrListParam patients = new ca.uhn.fhir.rest.param.ReferenceOrListParam();
		patientIds.forEach(id -> patients.addOr(new ReferenceParam("Patient/" + id)));
		SearchParameterMap search = SearchParameterMap.newSynchronous();
		search.add("patient", patients);
		search.add("status", new ca.uhn.fhir.rest.param.TokenParam("active"));
		for (Object found : daos.getResourceDao(Consent.class).searchForResources(search, new SystemRequestDetails())) {
			Consent consent = (Consent) found;
			String reference = consent.getPatient().getReference();
			if (reference != null && reference.startsWith("Patient/") && permitsPurpose(consent, purpose)) {
				consented.add(reference.substring("Patient/".length()));
			}
		}
		return consented;
	}

	private static boolean permitsPurpose(Consent consent, String purpose) {
		return consent.getStatus() == Consent.ConsentState.ACTIVE
				&& consent.getCategory().stream().anyMatch(category -> has(category, PURPOSE_SYSTEM, purpose))
				&& consent.getProvision().getType() == Consent.ConsentProvisionType.PERMIT
				&& CareTeamAssignments.current(consent.getProvision().getPeriod());
	}

	/** Some active deny provision hides this resource from this actor ({@code Practitioner/1}, or a client). */
	boolean denies(Resource resource, String actor) {
		for (Consent consent : active) {
			for (ProvisionComponent deny : denials(consent.getProvision(), new ArrayList<>())) {
				if (appliesTo(deny, actor) && matches(deny, resource)) {
					return true;
				}
			}
		}
		return false;
	}

	/** A Consent permits this actor by name (a clinician granted by the employee rather than by a care team). */
	static boolean permitsActor(Consent consent, String actor) {
		return consent.getStatus() == Consent.ConsentState.ACTIVE
				&& consent.getProvision().getType() == Consent.ConsentProvisionType.PERMIT
				&& CareTeamAssignments.current(consent.getProvision().getPeriod())
				&& consent.getProvision().getActor().stream().anyMatch(a -> actor.equals(a.getReference().getReference()));
	}

	private static List<ProvisionComponent> denials(ProvisionComponent provision, List<ProvisionComponent> found) {
		if (provision.getType() == Consent.ConsentProvisionType.DENY && CareTeamAssignments.current(provision.getPeriod())) {
			found.add(provision);
		}
		provision.getProvision().forEach(nested -> denials(nested, found));
		return found;
	}

	private static boolean appliesTo(ProvisionComponent deny, String actor) {
		return !deny.hasActor() || deny.getActor().stream().anyMatch(a -> actor.equals(a.getReference().getReference()));
	}

	private static boolean matches(ProvisionComponent deny, Resource resource) {
		boolean byClass = !deny.hasClass_() || deny.getClass_().stream().anyMatch(c -> resource.fhirType().equals(c.getCode()));
		boolean byLabel = !deny.hasSecurityLabel() || deny.getSecurityLabel().stream().anyMatch(label -> resource.getMeta().getSecurity()
				.stream().anyMatch(s -> label.getCode() != null && label.getCode().equals(s.getCode())
						&& (label.getSystem() == null || label.getSystem().equals(s.getSystem()))));
		boolean byCode = !deny.hasCode() || deny.getCode().stream().anyMatch(code -> codesOf(resource).stream()
				.anyMatch(c -> code.getCoding().stream().anyMatch(d -> d.getCode() != null && d.getCode().equals(c.getCode())
						&& (d.getSystem() == null || d.getSystem().equals(c.getSystem())))));
		return byClass && byLabel && byCode;
	}

	/** The resource's {@code code} (and, for Observations, its components' codes). */
	private static List<Coding> codesOf(Resource resource) {
		List<Coding> codes = new ArrayList<>();
		if (resource instanceof org.hl7.fhir.r4.model.Observation observation) {
			codes.addAll(observation.getCode().getCoding());
			observation.getComponent().forEach(c -> codes.addAll(c.getCode().getCoding()));
		} else {
			var property = resource.getNamedProperty("code");
			if (property != null) {
				property.getValues().stream().filter(CodeableConcept.class::isInstance)
						.forEach(v -> codes.addAll(((CodeableConcept) v).getCoding()));
			}
		}
		return codes;
	}

	private static boolean has(CodeableConcept concept, String system, String code) {
		return concept.getCoding().stream().anyMatch(c -> system.equals(c.getSystem()) && code.equals(c.getCode()));
	}
}
