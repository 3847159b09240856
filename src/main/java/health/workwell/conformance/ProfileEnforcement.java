package health.workwell.conformance;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.IValidatorModule;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationOptions;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;

/**
 * Validates every resource on its way into storage — single writes, and each entry of a batch or
 * transaction — against the profiles {@link ProfileRules} finds for it. A resource with an error gets
 * 422 Unprocessable Entity with an OperationOutcome naming each failing element and rule; nothing is
 * stored (in a transaction, nothing at all). Warnings (codes of LOINC, SNOMED CT and other external
 * systems cannot be checked offline) do not block a write.
 */
@Interceptor
public class ProfileEnforcement {

	private final FhirContext fhirContext;
	private final IValidationSupport validationSupport;
	private final ProfileRules rules;
	private final FhirValidator validator;

	ProfileEnforcement(
			FhirContext fhirContext, IValidationSupport validationSupport, IValidatorModule instanceValidator,
			ProfileRules rules) {
		this.fhirContext = fhirContext;
		this.validationSupport = validationSupport;
		this.rules = rules;
		this.validator = fhirContext.newValidator().registerValidatorModule(instanceValidator);
	}

	/**
	 * Marks a request while it writes the server's own generated outputs (the $risk-assess and $tier
	 * results, for one patient or a population): they are not validated again one by one (decision 17).
	 * The code that builds them is covered by tests that validate every kind of output; HAPI 8.8's
	 * validator cost about 25 ms a resource (it parses its OID registry for each; decision 18 trims
	 * that file), which was most of a $risk-assess that stores its 8 assessments.
	 */
	public static final String SERVER_GENERATED = ProfileEnforcement.class.getName() + ".serverGenerated";

	@Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_CREATED)
	public void created(IBaseResource resource, RequestDetails request) {
		if (!serverGenerated(request)) {
			enforce(resource);
		}
	}

	@Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_UPDATED)
	public void updated(IBaseResource previous, IBaseResource resource, RequestDetails request) {
		if (!serverGenerated(request)) {
			enforce(resource);
		}
	}

	private static boolean serverGenerated(RequestDetails request) {
		return request != null && Boolean.TRUE.equals(request.getUserData().get(SERVER_GENERATED));
	}

	void enforce(IBaseResource resource) {
		Set<String> profiles = rules.profilesFor(resource);
		if (profiles.isEmpty()) {
			return;
		}
		OperationOutcome outcome = new OperationOutcome();
		String type = fhirContext.getResourceType(resource);
		ValidationOptions options = new ValidationOptions();
		for (String profile : profiles) {
			if (validationSupport.fetchStructureDefinition(profile) == null) {
				outcome.addIssue().setSeverity(IssueSeverity.ERROR).setCode(IssueType.NOTSUPPORTED)
						.setDiagnostics("Profile " + profile + " is not defined by any implementation guide this server holds")
						.addExpression(type + ".meta.profile");
			} else {
				options.addProfile(profile);
			}
		}
		if (!outcome.hasIssue()) {
			List<SingleValidationMessage> errors = validator.validateWithResult(resource, options).getMessages().stream()
					.filter(m -> m.getSeverity().ordinal() >= ResultSeverityEnum.ERROR.ordinal())
					.toList();
			for (SingleValidationMessage error : errors) {
				var issue = outcome.addIssue().setSeverity(IssueSeverity.ERROR).setCode(IssueType.PROCESSING)
						.setDiagnostics(error.getMessage());
				if (error.getLocationString() != null) {
					issue.addExpression(error.getLocationString());
				}
			}
		}
		if (outcome.hasIssue()) {
			outcome.getIssue().add(0, new OperationOutcome.OperationOutcomeIssueComponent()
					.setSeverity(IssueSeverity.ERROR).setCode(IssueType.INVALID)
					.setDiagnostics(type + " does not conform to " + String.join(", ", profiles) + ": "
							+ (outcome.getIssue().size()) + " error(s); nothing was stored"));
			throw new UnprocessableEntityException(fhirContext, outcome);
		}
	}
}
