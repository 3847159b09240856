package health.workwell.conformance;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.server.exceptions.MethodNotAllowedException;
import health.workwell.server.ClientWriteGuard;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;

/**
 * The conformance resources of an installed package are read-only through the API: a client may not
 * create, change or delete a resource whose canonical URL falls under a package's canonical base
 * (405). They change by installing a new package version. The package installer itself writes as the
 * system and is let through ({@link ClientWriteGuard}).
 */
public class ReadOnlyConformanceResources extends ClientWriteGuard {

	private final FhirContext fhirContext;
	private final ImplementationGuidePackages packages;

	ReadOnlyConformanceResources(FhirContext fhirContext, ImplementationGuidePackages packages) {
		this.fhirContext = fhirContext;
		this.packages = packages;
	}

	@Override
	protected void refuseIfProtected(IBaseResource resource) {
		String type = fhirContext.getResourceType(resource);
		// canonical resources (StructureDefinition, ValueSet, ImplementationGuide, ...) are those with a url
		if (fhirContext.getResourceDefinition(type).getChildByName("url") == null) {
			return;
		}
		String url = fhirContext.newTerser().getSinglePrimitiveValueOrNull(resource, "url");
		packages.owner(url).ifPresent(owner -> {
			OperationOutcome outcome = new OperationOutcome();
			outcome.addIssue().setSeverity(IssueSeverity.ERROR).setCode(IssueType.FORBIDDEN)
					.setDiagnostics(type + " " + url + " belongs to the implementation guide " + owner.name() + "#"
							+ owner.version() + " and is read-only; publish a new package version to change it")
					.addExpression(type + ".url");
			throw new MethodNotAllowedException("Read-only conformance resource: " + url, outcome);
		});
	}
}
