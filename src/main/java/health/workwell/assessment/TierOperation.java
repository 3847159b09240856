package health.workwell.assessment;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.api.dao.IFhirSystemDao;
import ca.uhn.fhir.model.api.annotation.Description;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import java.util.Date;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Meta;
import org.hl7.fhir.r4.model.Patient;
import org.springframework.stereotype.Component;

/**
 * {@code POST /fhir/Patient/{id}/$tier}: from the patient's latest stored assessments (run
 * {@code $risk-assess} first), sets the management tier and keeps the plan ({@link TierPlan}) in one
 * transaction; answers the plan's resources in a collection Bundle. Re-running updates the plan instead
 * of adding a second one.
 */
@Component
public class TierOperation {

	private final DaoRegistry daos;
	private final IFhirSystemDao<Bundle, Meta> systemDao;

	public TierOperation(DaoRegistry daos, IFhirSystemDao<Bundle, Meta> systemDao) {
		this.daos = daos;
		this.systemDao = systemDao;
	}

	@Operation(name = "$tier", typeName = "Patient")
	@Description(shortDefinition = "Set the management tier and write the plan from the latest assessments")
	public Bundle tier(@IdParam IdType patientId, RequestDetails request) {
		Patient patient = daos.getResourceDao(Patient.class).read(patientId.toUnqualifiedVersionless(), request);
		String id = patient.getIdElement().getIdPart();
		TierPlan plan = TierPlan.of(id, TierInputs.read(daos, List.of(id), request), new Date()).orElseThrow(() ->
				new InvalidRequestException("Patient/" + id + " has no composite RiskAssessment yet: run $risk-assess first"));
		Bundle transaction = new Bundle().setType(Bundle.BundleType.TRANSACTION);
		plan.addTo(transaction);
		if (transaction.hasEntry()) {
			ConditionalWrites.commit(systemDao, request, transaction);
		}
		Bundle result = new Bundle().setType(Bundle.BundleType.COLLECTION);
		plan.current().forEach(resource -> result.addEntry().setResource(resource));
		return result;
	}
}
