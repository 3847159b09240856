package health.workwell.devices;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.api.dao.IFhirSystemDao;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.Date;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Flag;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Meta;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;

/**
 * An alert is a Flag on the patient (the readings behind it in flag-detail extensions) and a Task for
 * the patient's care team. There is one Flag per patient and alert (per device, for a silent device),
 * under a name-based id: it is active while the condition holds, and a condition that holds again
 * makes the same Flag active again (its history keeps the episodes), so the same condition never
 * raises a second open alert. Each episode has its own Task; closing the alert cancels the Task if no
 * one has started on it.
 */
class AlertFlags {

	static final String FLAG_IDENTIFIER_SYSTEM = "http://workwell.health/fhir/sid/alert";
	static final String INTERVENTION_SYSTEM = "http://workwell.health/fhir/CodeSystem/intervention";
	private static final String FLAG_DETAIL = "http://hl7.org/fhir/StructureDefinition/flag-detail";
	private static final Set<Task.TaskStatus> NOT_STARTED = Set.of(
			Task.TaskStatus.DRAFT, Task.TaskStatus.REQUESTED, Task.TaskStatus.RECEIVED, Task.TaskStatus.ACCEPTED, Task.TaskStatus.READY);

	/**
	 * @param deviceId the device a device-level alert (a silent device) is about, or null
	 */
	record Alert(String patientId, String code, String display, String deviceId) {
		String key() {
			return patientId + "|" + code + (deviceId == null ? "" : "|" + deviceId);
		}
	}

	private final DaoRegistry daos;
	private final IFhirSystemDao<Bundle, Meta> systemDao;

	AlertFlags(DaoRegistry daos, IFhirSystemDao<Bundle, Meta> systemDao) {
		this.daos = daos;
		this.systemDao = systemDao;
	}

	boolean isActive(Alert alert) {
		return read(Flag.class, flagId(alert)).filter(f -> f.getStatus() == Flag.FlagStatus.ACTIVE).isPresent();
	}

	private static String flagId(Alert alert) {
		return ServerWrites.nameBasedId(FLAG_IDENTIFIER_SYSTEM + "|" + alert.key());
	}

	void reconcile(Alert alert, AlertRules.Finding finding) {
		String flagId = flagId(alert);
		Optional<Flag> current = read(Flag.class, flagId);
		boolean active = current.filter(f -> f.getStatus() == Flag.FlagStatus.ACTIVE).isPresent();
		if (finding.open() && !active) {
			open(alert, flagId, finding);
		} else if (!finding.open() && active) {
			close(current.get(), finding);
		}
	}

	private void open(Alert alert, String flagId, AlertRules.Finding finding) {
		Date now = new Date();
		Flag flag = new Flag();
		flag.setId(flagId);
		flag.getMeta().addProfile("http://workwell.health/fhir/StructureDefinition/workwell-flag");
		flag.addIdentifier(new Identifier().setSystem(FLAG_IDENTIFIER_SYSTEM).setValue(alert.key()));
		flag.setStatus(Flag.FlagStatus.ACTIVE);
		flag.addCategory(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/flag-category", "clinical", "Clinical")));
		flag.setCode(new CodeableConcept(new Coding(DeviceAlerts.ALERT_SYSTEM, alert.code(), alert.display())).setText(finding.summary()));
		flag.setSubject(new Reference("Patient/" + alert.patientId()));
		flag.getPeriod().setStart(now);
		finding.evidence().forEach(id -> flag.addExtension(FLAG_DETAIL, new Reference(id)));
		if (alert.deviceId() != null) {
			flag.addExtension(FLAG_DETAIL, new Reference("Device/" + alert.deviceId()));
		}

		Task task = new Task();
		task.setId(taskId(flag));
		task.addIdentifier(new Identifier().setSystem(FLAG_IDENTIFIER_SYSTEM).setValue(alert.key() + "|" + flag.getPeriod().getStartElement().getValueAsString()));
		task.setStatus(Task.TaskStatus.REQUESTED);
		task.setIntent(Task.TaskIntent.ORDER);
		task.setPriority(Task.TaskPriority.URGENT);
		task.setCode(new CodeableConcept(new Coding(INTERVENTION_SYSTEM, "alert-follow-up", "Alert follow-up")));
		task.setDescription(alert.display() + ": " + finding.summary());
		task.setFocus(new Reference("Flag/" + flagId));
		task.setFor(new Reference("Patient/" + alert.patientId()));
		task.setAuthoredOn(now);
		careTeam(alert.patientId()).ifPresent(team -> task.setOwner(new Reference(team)));
		ServerWrites.putAll(systemDao, flag, task);
	}

	private void close(Flag flag, AlertRules.Finding finding) {
		Optional<Task> task = read(Task.class, taskId(flag));
		flag.setStatus(Flag.FlagStatus.INACTIVE);
		flag.getPeriod().setEnd(new Date());
		flag.getMeta().setVersionId(null).setLastUpdated(null).setSource(null);
		if (task.isPresent() && NOT_STARTED.contains(task.get().getStatus())) {
			Task cancelled = task.get();
			cancelled.getMeta().setVersionId(null).setLastUpdated(null).setSource(null);
			cancelled.setStatus(Task.TaskStatus.CANCELLED);
			cancelled.setStatusReason(new CodeableConcept().setText("The alert closed: " + finding.summary()));
			ServerWrites.putAll(systemDao, flag, cancelled);
		} else {
			ServerWrites.putAll(systemDao, flag);
		}
	}

	/** One Task per episode: named by the Flag and the start of its active period. */
	private static String taskId(Flag flag) {
		return ServerWrites.nameBasedId(FLAG_IDENTIFIER_SYSTEM + "|task|" + flag.getIdElement().getIdPart() + "|"
				+ flag.getPeriod().getStartElement().getValueAsString());
	}

	private Optional<String> careTeam(String patientId) {
		SearchParameterMap search = SearchParameterMap.newSynchronous();
		search.add(CareTeam.SP_PATIENT, new ReferenceParam("Patient/" + patientId));
		search.add(CareTeam.SP_STATUS, new TokenParam("active"));
		search.setCount(1);
		return daos.getResourceDao(CareTeam.class).searchForResources(search, ServerWrites.request()).stream()
				.findFirst().map(team -> team.getIdElement().toUnqualifiedVersionless().getValue());
	}

	private <T extends org.hl7.fhir.instance.model.api.IBaseResource> Optional<T> read(Class<T> type, String id) {
		try {
			return Optional.of(daos.getResourceDao(type).read(new IdType(type.getSimpleName(), id), ServerWrites.request()));
		} catch (ResourceNotFoundException | ResourceGoneException missing) {
			return Optional.empty();
		}
	}
}
