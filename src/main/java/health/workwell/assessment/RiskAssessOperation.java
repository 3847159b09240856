package health.workwell.assessment;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.api.dao.IFhirSystemDao;
import ca.uhn.fhir.model.api.annotation.Description;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OperationParam;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import health.workwell.lastn.LastNQuery;
import health.workwell.security.PatientConsents;
import health.workwell.scoring.occupational.Gbz188Surveillance;
import java.time.LocalDate;
import java.util.ArrayList;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IIdType;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Meta;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.RiskAssessment;
import org.springframework.stereotype.Component;

/**
 * {@code POST /fhir/Patient/{id}/$risk-assess}: runs every computable model on the patient's record
 * and returns one RiskAssessment per model (plus the composite index) in a collection Bundle, with an
 * OperationOutcome naming the models that could not run and why. Unless {@code persist=false}, the
 * assessments are stored in one transaction as conditional updates on a per-patient, per-model
 * identifier, so re-running replaces the previous assessment (a new version when anything changed).
 */
@Component
public class RiskAssessOperation {

	private final DaoRegistry daos;
	private final IFhirSystemDao<Bundle, Meta> systemDao;
	private final LastNQuery lastN;

	public RiskAssessOperation(DaoRegistry daos, IFhirSystemDao<Bundle, Meta> systemDao, LastNQuery lastN) {
		this.daos = daos;
		this.systemDao = systemDao;
		this.lastN = lastN;
	}

	@Operation(name = "$risk-assess", typeName = "Patient")
	@Description(shortDefinition = "Run WorkWell's risk models on one patient's record")
	public Bundle riskAssess(
			@IdParam IdType patientId,
			@Description(shortDefinition = "Assessment date (default: today); age is computed at this date")
					@OperationParam(name = "date", max = 1) DateType date,
			@Description(shortDefinition = "Run only these models (codes of the risk-model code system)")
					@OperationParam(name = "model", max = OperationParam.MAX_UNLIMITED) List<CodeType> models,
			@Description(shortDefinition = "false: return the assessments without storing them")
					@OperationParam(name = "persist", max = 1) BooleanType persist,
			RequestDetails request) {
		RiskAssessmentRun run = assess(patientId, assessmentDate(date), selectedModels(models),
				persist == null || !Boolean.FALSE.equals(persist.getValue()), request);
		Bundle result = new Bundle().setType(Bundle.BundleType.COLLECTION);
		run.assessments.forEach(assessment -> result.addEntry().setResource(assessment));
		if (run.compositeAssessment != null) {
			result.addEntry().setResource(run.compositeAssessment);
		}
		OperationOutcome outcome = new OperationOutcome();
		run.notComputable.forEach(reason -> outcome.addIssue().setSeverity(OperationOutcome.IssueSeverity.INFORMATION)
				.setCode(OperationOutcome.IssueType.INCOMPLETE).setDiagnostics("not computable: " + reason));
		if (outcome.hasIssue()) {
			result.addEntry().setResource(outcome);
		}
		return result;
	}

	/** Runs the selected models on one patient's record and, when {@code store}, keeps the results. */
	RiskAssessmentRun assess(IIdType patientId, LocalDate date, Set<String> selected, boolean store, RequestDetails request) {
		Patient patient = daos.getResourceDao(Patient.class).read(patientId.toUnqualifiedVersionless(), request);
		String id = patient.getIdElement().getIdPart();
		// PIPL Art. 29: psychological answers are scored only with the employee's separate consent
		boolean psychologicalConsent = PatientConsents.consentedPatients(daos, List.of(id), PatientConsents.PSYCHOLOGICAL).contains(id);
		RiskAssessmentRun run = new RiskAssessmentRun(
				PatientRecord.read(daos, lastN, patient, request, selected.contains(Gbz188Surveillance.MODEL.code())), date,
				psychologicalConsent).run(selected);
		if (store) {
			store(run, request);
		}
		return run;
	}

	static LocalDate assessmentDate(DateType date) {
		return date == null || date.getValue() == null
				? LocalDate.now(ZoneId.systemDefault())
				: LocalDate.of(date.getYear(), date.getMonth() + 1, date.getDay());
	}

	static Set<String> selectedModels(List<CodeType> models) {
		if (models == null || models.isEmpty()) {
			return new LinkedHashSet<>(RiskAssessmentRun.ALL_MODELS);
		}
		Set<String> selected = new LinkedHashSet<>();
		for (CodeType model : models) {
			if (!RiskAssessmentRun.ALL_MODELS.contains(model.getValue())) {
				throw new InvalidRequestException("Unknown model '" + model.getValue() + "'; known models: " + RiskAssessmentRun.ALL_MODELS);
			}
			selected.add(model.getValue());
		}
		return selected;
	}

	/**
	 * One transaction: the model assessments, then the composite citing them, all or nothing. Each is kept
	 * under its per-patient, per-model identifier ({@link StoredOutputs}): the previous assessment of the
	 * model is replaced, and on unchanged data nothing is written.
	 */
	private void store(RiskAssessmentRun run, RequestDetails request) {
		Map<String, RiskAssessment> stored = storedAssessments(run, request);
		StoredOutputs outputs = new StoredOutputs();
		for (RiskAssessment assessment : run.assessments) {
			String reference = keep(outputs, assessment, stored);
			if (run.compositeAssessment != null) {
				run.compositeAssessment.addBasis(new Reference(reference));
			}
		}
		if (run.compositeAssessment != null) {
			keep(outputs, run.compositeAssessment, stored);
		}
		Bundle transaction = new Bundle().setType(Bundle.BundleType.TRANSACTION);
		outputs.addTo(transaction);
		if (transaction.hasEntry()) {
			ConditionalWrites.commit(systemDao, request, transaction);
		}
		if (run.compositeAssessment != null) {
			// cite the stored ids, not the transaction's placeholders
			run.compositeAssessment.getBasis().removeIf(reference -> reference.getReference().startsWith("urn:uuid:")
					|| reference.getReference().startsWith("RiskAssessment/"));
			run.assessments.forEach(a -> run.compositeAssessment.addBasis(new Reference(a.getIdElement().toUnqualifiedVersionless())));
		}
	}

	private static String keep(StoredOutputs outputs, RiskAssessment assessment, Map<String, RiskAssessment> stored) {
		String identifier = assessment.getIdentifierFirstRep().getValue();
		return outputs.keep(assessment, Codes.ASSESSMENT_ID_SYSTEM, identifier, Optional.ofNullable(stored.get(identifier)));
	}

	/** The assessments an earlier run stored under this run's identifiers, in one search. */
	private Map<String, RiskAssessment> storedAssessments(RiskAssessmentRun run, RequestDetails request) {
		List<String> identifiers = new ArrayList<>();
		run.assessments.forEach(a -> identifiers.add(a.getIdentifierFirstRep().getValue()));
		if (run.compositeAssessment != null) {
			identifiers.add(run.compositeAssessment.getIdentifierFirstRep().getValue());
		}
		return RiskAssessments.storedByIdentifier(daos, identifiers, request);
	}
}
