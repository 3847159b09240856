package health.workwell.conformance;

import java.util.List;

/**
 * An implementation guide package the server installed at start.
 *
 * @param name package name, e.g. {@code health.workwell.fhir.ig}
 * @param version package version
 * @param canonical the package's canonical base (package.json {@code canonical}); every conformance
 *     resource whose URL starts with it belongs to the package and is read-only
 * @param implementationGuide canonical URL of the package's ImplementationGuide resource, or null
 * @param profiles the resource profiles the package defines
 */
public record InstalledPackage(
		String name, String version, String canonical, String implementationGuide, List<Profile> profiles) {

	/** A resource profile (StructureDefinition of kind resource, derivation constraint). */
	public record Profile(String url, String resourceType) {}

	public boolean owns(String canonicalUrl) {
		return canonical != null && canonicalUrl != null && canonicalUrl.startsWith(canonical + "/");
	}
}
