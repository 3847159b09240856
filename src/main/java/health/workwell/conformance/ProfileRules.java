package health.workwell.conformance;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.fhirpath.IFhirPath;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.BooleanType;

/**
 * Decides which profiles a resource must conform to: those it claims in {@code meta.profile} that an
 * installed package defines, plus those of every configured rule whose FHIRPath condition holds.
 * Profiles of other publishers that the server does not hold are not enforced.
 */
class ProfileRules {

	private record Compiled(String resourceType, IFhirPath.IParsedExpression when, String profile) {}

	private final FhirContext fhirContext;
	private final IFhirPath fhirPath;
	private final List<Compiled> rules;
	private final ImplementationGuidePackages packages;

	ProfileRules(FhirContext fhirContext, List<ProfileRule> configured, ImplementationGuidePackages packages) {
		this.fhirContext = fhirContext;
		this.fhirPath = fhirContext.newFhirPath();
		this.packages = packages;
		this.rules = configured.stream().map(this::compile).toList();
	}

	private Compiled compile(ProfileRule rule) {
		if (fhirContext.getResourceTypes().stream().noneMatch(rule.resourceType()::equals)) {
			throw new IllegalArgumentException("workwell.conformance.rules: unknown resource type " + rule.resourceType());
		}
		try {
			return new Compiled(rule.resourceType(), fhirPath.parse(rule.when()), rule.profile());
		} catch (Exception e) {
			throw new IllegalArgumentException(
					"workwell.conformance.rules: invalid FHIRPath '" + rule.when() + "': " + e.getMessage(), e);
		}
	}

	Set<String> profilesFor(IBaseResource resource) {
		Set<String> profiles = new LinkedHashSet<>();
		for (var claimed : resource.getMeta().getProfile()) {
			String url = ImplementationGuidePackages.withoutVersion(claimed.getValue());
			if (packages.owner(url).isPresent()) {
				profiles.add(url);
			}
		}
		String type = fhirContext.getResourceType(resource);
		for (Compiled rule : rules) {
			if (rule.resourceType().equals(type) && holds(rule, resource)) {
				profiles.add(rule.profile());
			}
		}
		return profiles;
	}

	private boolean holds(Compiled rule, IBaseResource resource) {
		return fhirPath.evaluateFirst(resource, rule.when(), BooleanType.class)
				.map(BooleanType::booleanValue)
				.orElse(false);
	}
}
