package health.workwell.assessment;

import health.workwell.security.GrantedAccess;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;

/**
 * Small-cell suppression of population results: counts over fewer than {@code k} patients
 * ({@code workwell.population.min-reported-size}, default 5) tell a reader the tier or risk of the few people
 * in the group, so roles that do not treat patients (integration; HR never gets here) receive a suppression
 * instead of the counts. Clinical roles (the administrator, clinicians) see the counts.
 */
final class SmallPopulationSuppression {

	private final int minReportedSize;

	SmallPopulationSuppression(int minReportedSize) {
		this.minReportedSize = minReportedSize;
	}

	Parameters resultFor(PopulationJob job) {
		if (GrantedAccess.current().role().treatsPatients() || job.count("total") >= minReportedSize) {
			return job.result();
		}
		Parameters suppressed = new Parameters();
		suppressed.addParameter().setName("job").setValue(new Reference("Task/" + job.task.getIdElement().getIdPart()));
		suppressed.addParameter().setName("target").setValue(new Reference(job.target()));
		suppressed.addParameter().setName("suppressed").setValue(new BooleanType(true));
		suppressed.addParameter().setName("reason").setValue(new StringType("The population has fewer than " + minReportedSize
				+ " patients: its counts would reveal individuals' results, and are shown only to roles that treat patients"));
		return suppressed;
	}
}
