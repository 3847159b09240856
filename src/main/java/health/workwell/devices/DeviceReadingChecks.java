package health.workwell.devices;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DetectedIssue;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Reference;

/**
 * Plausibility of device readings as they are written: an impossible value is stored, but marked
 * questionable (interpretation {@link ReadingQuality#QUESTIONABLE}, with the reason as its text), and
 * reported as a DetectedIssue on the patient that implicates the reading and its device, written in the
 * same transaction as the reading. The profile itself is enforced before this (conformance package):
 * a reading that breaks it is refused with 422 and nothing is stored.
 */
@Interceptor(order = 100)
public class DeviceReadingChecks {

	static final String ISSUE_IDENTIFIER_SYSTEM = "http://workwell.health/fhir/sid/detected-issue";
	private static final String FOUND = DeviceReadingChecks.class.getName() + ".found";

	private final Plausibility plausibility;
	private final DaoRegistry daos;

	DeviceReadingChecks(Plausibility plausibility, DaoRegistry daos) {
		this.plausibility = plausibility;
		this.daos = daos;
	}

	@Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_CREATED)
	public void created(IBaseResource resource, RequestDetails request) {
		mark(resource, request);
	}

	@Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_UPDATED)
	public void updated(IBaseResource previous, IBaseResource resource, RequestDetails request) {
		mark(resource, request);
	}

	@Hook(Pointcut.STORAGE_PRECOMMIT_RESOURCE_CREATED)
	public void createdStored(IBaseResource resource, RequestDetails request) {
		report(resource, request);
	}

	@Hook(Pointcut.STORAGE_PRECOMMIT_RESOURCE_UPDATED)
	public void updatedStored(IBaseResource previous, IBaseResource resource, RequestDetails request) {
		report(resource, request);
	}

	private void mark(IBaseResource resource, RequestDetails request) {
		if (!(resource instanceof Observation reading) || request == null) {
			return;
		}
		Optional<ReadingKind> kind = ReadingKind.of(reading);
		if (kind.isEmpty() || ReadingQuality.isQuestionable(reading)) {
			return;
		}
		plausibility.check(kind.get(), reading).ifPresent(reason -> {
			reading.addInterpretation(ReadingQuality.questionable(reason));
			found(request).put(reading, reason);
		});
	}

	private void report(IBaseResource resource, RequestDetails request) {
		if (request == null || !(resource instanceof Observation reading)) {
			return;
		}
		String reason = found(request).remove(reading);
		if (reason == null) {
			return;
		}
		String readingId = reading.getIdElement().toUnqualifiedVersionless().getValue();
		DetectedIssue issue = new DetectedIssue();
		issue.setId(ServerWrites.nameBasedId(ISSUE_IDENTIFIER_SYSTEM + "|implausible|" + readingId));
		issue.addIdentifier(new Identifier().setSystem(ISSUE_IDENTIFIER_SYSTEM).setValue("implausible-reading/" + readingId));
		issue.setStatus(DetectedIssue.DetectedIssueStatus.FINAL);
		issue.setCode(new CodeableConcept(new Coding(DeviceAlerts.ALERT_SYSTEM, "implausible-reading", "Implausible device reading")));
		issue.setSeverity(DetectedIssue.DetectedIssueSeverity.MODERATE);
		issue.setPatient(reading.getSubject().copy());
		issue.setIdentified(DateTimeType.now());
		issue.addImplicated(new Reference(readingId));
		issue.addImplicated(reading.getDevice().copy());
		issue.setDetail("Implausible reading kept and marked questionable (excluded from scores and alerts): " + reason);
		daos.getResourceDao(DetectedIssue.class).update(issue, ServerWrites.request());
	}

	@SuppressWarnings("unchecked")
	private static Map<Observation, String> found(RequestDetails request) {
		return (Map<Observation, String>) request.getUserData().computeIfAbsent(FOUND, key -> new IdentityHashMap<>());
	}
}
