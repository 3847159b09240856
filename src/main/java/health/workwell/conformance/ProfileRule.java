package health.workwell.conformance;

/**
 * A configured rule: every resource of {@code resourceType} for which the FHIRPath expression
 * {@code when} is true must conform to {@code profile}, whether or not it claims it in
 * {@code meta.profile}.
 *
 * @param resourceType the resource type the rule applies to, e.g. {@code Observation}
 * @param when a FHIRPath expression evaluated on the resource; the rule applies when it yields {@code true}
 * @param profile canonical URL of the StructureDefinition the resource must conform to
 */
public record ProfileRule(String resourceType, String when, String profile) {}
