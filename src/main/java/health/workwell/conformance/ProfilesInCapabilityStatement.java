package health.workwell.conformance;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import org.hl7.fhir.instance.model.api.IBaseConformance;
import org.hl7.fhir.r4.model.CanonicalType;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;

/**
 * Lists each installed package's ImplementationGuide in {@code CapabilityStatement.implementationGuide}
 * and each of its profiles under {@code rest.resource.supportedProfile} of the type it constrains.
 */
@Interceptor
public class ProfilesInCapabilityStatement {

	private final ImplementationGuidePackages packages;

	ProfilesInCapabilityStatement(ImplementationGuidePackages packages) {
		this.packages = packages;
	}

	@Hook(Pointcut.SERVER_CAPABILITY_STATEMENT_GENERATED)
	public void listProfiles(IBaseConformance generated) {
		CapabilityStatement capabilities = (CapabilityStatement) generated;
		for (InstalledPackage installed : packages.installed()) {
			if (installed.implementationGuide() != null && !contains(capabilities.getImplementationGuide(), installed.implementationGuide())) {
				capabilities.addImplementationGuide(installed.implementationGuide());
			}
			for (var rest : capabilities.getRest()) {
				for (CapabilityStatementRestResourceComponent resource : rest.getResource()) {
					for (InstalledPackage.Profile profile : installed.profiles()) {
						if (profile.resourceType().equals(resource.getType())
								&& !contains(resource.getSupportedProfile(), profile.url())) {
							resource.addSupportedProfile(profile.url());
						}
					}
				}
			}
		}
	}

	private static boolean contains(java.util.List<CanonicalType> canonicals, String url) {
		return canonicals.stream().anyMatch(c -> url.equals(c.getValue()));
	}
}
