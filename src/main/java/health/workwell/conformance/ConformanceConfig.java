package health.workwell.conformance;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.interceptor.api.IInterceptorService;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.packages.IHapiPackageCacheManager;
import ca.uhn.fhir.jpa.packages.IPackageInstallerSvc;
import java.nio.file.Path;
import ca.uhn.fhir.jpa.validation.JpaValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.support.UnknownCodeSystemWarningValidationSupport;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.common.hapi.validation.validator.WorkerContextValidationSupportAdapter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;

/** Wires the implementation guide packages, write validation and the conformance interceptors. */
@Configuration
public class ConformanceConfig {

	@Bean
	public ImplementationGuidePackages implementationGuidePackages() {
		return new ImplementationGuidePackages();
	}

	/**
	 * Codes of LOINC, SNOMED CT, UCUM and other external systems cannot be checked offline (no
	 * terminology server is reachable): an unknown code system is a warning, never an error. WorkWell's
	 * own code systems are installed and checked completely. Last in the chain, so it answers only
	 * for systems no other module knows.
	 */
	@Bean
	public UnknownCodeSystemWarningValidationSupport unknownCodeSystemsAsWarnings(
			FhirContext fhirContext, JpaValidationSupportChain validationChain) {
		UnknownCodeSystemWarningValidationSupport unknownSystems = new UnknownCodeSystemWarningValidationSupport(fhirContext);
		unknownSystems.setNonExistentCodeSystemSeverity(IValidationSupport.IssueSeverity.WARNING);
		validationChain.addValidationSupport(unknownSystems);
		return unknownSystems;
	}

	@Bean
	public PackageInstaller packageInstaller(
			IPackageInstallerSvc installer,
			IHapiPackageCacheManager packageCache,
			DaoRegistry daos,
			FhirContext fhirContext,
			@Value("classpath:ig/health.workwell.fhir.ig.tgz") Resource ownPackage,
			ConformanceProperties properties,
			ImplementationGuidePackages packages) {
		return new PackageInstaller(installer, packageCache, daos, fhirContext, ownPackage, Path.of(properties.packagesDir()), packages);
	}

	/**
	 * Registered with the storage layer's interceptor service, not the REST server's, so that every
	 * write is checked: through the API and by the server's own operations alike.
	 *
	 * A validator of its own for writes: it does not follow references into the database (a
	 * transaction's entries are not stored yet), and a profile of another publisher that the server
	 * does not hold is a warning, not an error.
	 */
	@Bean
	public ProfileEnforcement profileEnforcement(
			FhirContext fhirContext,
			IValidationSupport validationSupport,
			WorkerContextValidationSupportAdapter workerContext,
			ConformanceProperties properties,
			ImplementationGuidePackages packages,
			IInterceptorService storageInterceptors) {
		FhirInstanceValidator instanceValidator = new FhirInstanceValidator(fhirContext);
		instanceValidator.setWrappedWorkerContext(validationSupport, workerContext);
		instanceValidator.setErrorForUnknownProfiles(false);
		ProfileRules rules = new ProfileRules(fhirContext, properties.rules(), packages);
		ProfileEnforcement enforcement = new ProfileEnforcement(fhirContext, validationSupport, instanceValidator, rules);
		if (properties.validateWrites()) {
			storageInterceptors.registerInterceptor(enforcement);
		}
		return enforcement;
	}

	@Bean
	public ReadOnlyConformanceResources readOnlyConformanceResources(
			FhirContext fhirContext, ImplementationGuidePackages packages, IInterceptorService storageInterceptors) {
		ReadOnlyConformanceResources readOnly = new ReadOnlyConformanceResources(fhirContext, packages);
		storageInterceptors.registerInterceptor(readOnly);
		return readOnly;
	}

	@Bean
	public ProfilesInCapabilityStatement profilesInCapabilityStatement(ImplementationGuidePackages packages) {
		return new ProfilesInCapabilityStatement(packages);
	}
}
