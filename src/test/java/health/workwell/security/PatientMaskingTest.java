package health.workwell.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;

/** Who sees national ID numbers and phone numbers (docs/security.md "Masking"). */
class PatientMaskingTest {

	private static Patient patient() {
		Patient patient = new Patient();
		patient.setId("7");
		patient.addIdentifier().setSystem(PatientMasking.NATIONAL_ID_SYSTEM).setValue("110101199003071234");
		patient.addIdentifier().setSystem("http://workwell.health/fhir/sid/employee-number/huaxin").setValue("HX-004217");
		patient.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE).setValue("13800138000");
		patient.addTelecom().setSystem(ContactPoint.ContactPointSystem.EMAIL).setValue("w@example.cn");
		return patient;
	}

	private static GrantedAccess as(AccessRole role, String self) {
		return new GrantedAccess(role, List.of(), Optional.empty(), Optional.ofNullable(self), Optional.empty(), "c", true);
	}

	@Test
	void theEmployeeThemselfAndTheAdministratorSeeEverything() {
		assertThat(PatientMasking.forViewer(as(AccessRole.EMPLOYEE, "7"), patient()).getIdentifierFirstRep().getValue())
				.isEqualTo("110101199003071234");
		assertThat(PatientMasking.forViewer(as(AccessRole.ADMIN, null), patient()).getTelecomFirstRep().getValue()).isEqualTo("13800138000");
	}

	@Test
	void aClinicianSeesThePhoneButNotTheNationalId() {
		Patient seen = PatientMasking.forViewer(as(AccessRole.CLINICIAN, null), patient());
		assertThat(seen.getIdentifier().get(0).getValue()).isEqualTo("**************1234");
		assertThat(seen.getIdentifier().get(1).getValue()).as("employee number").isEqualTo("HX-004217");
		assertThat(seen.getTelecomFirstRep().getValue()).isEqualTo("13800138000");
		assertThat(seen.getMeta().getSecurity("http://terminology.hl7.org/CodeSystem/v3-ObservationValue", "MASKED")).isNotNull();
	}

	@Test
	void aMaskedPatientWrittenBackKeepsTheStoredNumbers() {
		Patient stored = patient();
		Patient written = PatientMasking.forViewer(as(AccessRole.INTEGRATION, null), stored);
		written.getName().add(new org.hl7.fhir.r4.model.HumanName().setFamily("Changed"));
		PatientMasking.keepStoredWhereMasked(stored, written);
		assertThat(written.getIdentifierFirstRep().getValue()).isEqualTo("110101199003071234");
		assertThat(written.getTelecomFirstRep().getValue()).isEqualTo("13800138000");
		assertThat(written.getMeta().getSecurity()).isEmpty();
		assertThat(written.getNameFirstRep()).isNotNull();
	}

	@Test
	void integrationSeesNeitherAndTheStoredResourceIsNotChanged() {
		Patient stored = patient();
		Patient seen = PatientMasking.forViewer(as(AccessRole.INTEGRATION, null), stored);
		assertThat(seen.getIdentifierFirstRep().getValue()).doesNotContain("1990");
		assertThat(seen.getTelecomFirstRep().getValue()).isEqualTo("*******8000");
		assertThat(seen.getTelecom().get(1).getValue()).as("e-mail is not a phone").isEqualTo("w@example.cn");
		assertThat(stored.getIdentifierFirstRep().getValue()).isEqualTo("110101199003071234");
		assertThat(PatientMasking.forViewer(as(AccessRole.EMPLOYEE, "8"), patient()).getIdentifierFirstRep().getValue())
				.as("another employee").startsWith("*");
	}
}
