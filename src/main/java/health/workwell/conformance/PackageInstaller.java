package health.workwell.conformance;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.packages.IHapiPackageCacheManager;
import ca.uhn.fhir.jpa.packages.IPackageInstallerSvc;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import ca.uhn.fhir.jpa.packages.PackageInstallationSpec;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.ImplementationGuide;
import org.hl7.fhir.r4.model.StructureDefinition;
import org.hl7.fhir.utilities.npm.NpmPackage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.io.Resource;

/**
 * Installs the implementation guide packages at start, with HAPI's package installer: WorkWell's own
 * from the jar, then every {@code *.tgz} in the configured packages folder, in name order. Their
 * conformance resources are stored as ordinary resources (so {@code /fhir/StructureDefinition/...}
 * serves them and validation finds them). It runs once all beans exist and before the web server
 * accepts requests, so no write arrives before the profiles it must conform to.
 */
public class PackageInstaller implements SmartInitializingSingleton {

	private static final Logger log = LoggerFactory.getLogger(PackageInstaller.class);

	/**
	 * Conformance resources are installed; examples in a package are not. The ImplementationGuide is
	 * stored separately, without its examples (see {@link #implementationGuide}).
	 */
	static final List<String> INSTALLED_TYPES = List.of(
			"NamingSystem", "CodeSystem", "ValueSet", "ConceptMap", "StructureDefinition", "SearchParameter",
			"OperationDefinition", "Questionnaire");

	private final IPackageInstallerSvc installer;
	private final IHapiPackageCacheManager packageCache;
	private final DaoRegistry daos;
	private final FhirContext fhirContext;
	private final Resource ownPackage;
	private final Path packagesDir;
	private final ImplementationGuidePackages packages;

	public PackageInstaller(
			IPackageInstallerSvc installer,
			IHapiPackageCacheManager packageCache,
			DaoRegistry daos,
			FhirContext fhirContext,
			Resource ownPackage,
			Path packagesDir,
			ImplementationGuidePackages packages) {
		this.installer = installer;
		this.packageCache = packageCache;
		this.daos = daos;
		this.fhirContext = fhirContext;
		this.ownPackage = ownPackage;
		this.packagesDir = packagesDir;
		this.packages = packages;
	}

	@Override
	public void afterSingletonsInstantiated() {
		List<InstalledPackage> installed = new ArrayList<>();
		try (InputStream own = ownPackage.getInputStream()) {
			installed.add(install(own.readAllBytes(), ownPackage.getDescription()));
			for (Path further : furtherPackages()) {
				installed.add(install(Files.readAllBytes(further), further.toString()));
			}
		} catch (IOException e) {
			throw new UncheckedIOException("Could not read an implementation guide package", e);
		}
		packages.setInstalled(installed);
	}

	private List<Path> furtherPackages() throws IOException {
		if (!Files.isDirectory(packagesDir)) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(packagesDir)) {
			return files.filter(f -> f.getFileName().toString().endsWith(".tgz")).sorted().toList();
		}
	}

	private InstalledPackage install(byte[] tgz, String source) throws IOException {
		NpmPackage npm = NpmPackage.fromPackage(new ByteArrayInputStream(tgz));
		ImplementationGuide guide = implementationGuide(npm);
		Optional<byte[]> stored = storedContents(npm);
		if (stored.isPresent() && Arrays.equals(stored.get(), tgz)) {
			log.info("Implementation guide {}#{} from {} is installed already, unchanged", npm.name(), npm.version(), source);
			return describe(npm, guide);
		}
		if (stored.isPresent()) {
			// same version, other contents (a rebuilt package): HAPI would keep using the stored copy
			log.info("Implementation guide {}#{} from {} changed since it was installed: replacing it", npm.name(), npm.version(), source);
			packageCache.uninstallPackage(npm.name(), npm.version());
		}
		long start = System.nanoTime();
		PackageInstallationSpec spec = new PackageInstallationSpec()
				.setName(npm.name())
				.setVersion(npm.version())
				.setPackageContents(tgz)
				.setInstallMode(PackageInstallationSpec.InstallModeEnum.STORE_AND_INSTALL)
				// one stored version per canonical URL, under the package's own ids
				// (StructureDefinition/workwell-employee), replaced when a newer package is installed
				.setVersionPolicy(PackageInstallationSpec.VersionPolicyEnum.SINGLE_VERSION)
				// hl7.fhir.r4.core is built into HAPI, and no package registry is reachable
				.setFetchDependencies(false);
		spec.setInstallResourceTypes(INSTALLED_TYPES);
		installer.install(spec);
		if (guide != null) {
			daos.getResourceDao(ImplementationGuide.class).update(guide, new SystemRequestDetails());
		}
		log.info("Installed implementation guide {}#{} from {} in {} ms", npm.name(), npm.version(), source,
				(System.nanoTime() - start) / 1_000_000);
		return describe(npm, guide);
	}

	/**
	 * The contents the database holds for this package version, if any: a restart need not install again
	 * the same bytes (HAPI keeps each installed package's contents).
	 */
	private Optional<byte[]> storedContents(NpmPackage npm) {
		try {
			IHapiPackageCacheManager.PackageContents stored = packageCache.loadPackageContents(npm.name(), npm.version());
			return Optional.ofNullable(stored).map(IHapiPackageCacheManager.PackageContents::getBytes);
		} catch (ResourceNotFoundException notYet) {
			return Optional.empty();
		}
	}

	/**
	 * The package's ImplementationGuide, without its entries for examples: the examples are not
	 * installed (sample people have no place in a production database), and a reference to a missing
	 * resource would be refused.
	 */
	private ImplementationGuide implementationGuide(NpmPackage npm) throws IOException {
		ImplementationGuide guide = null;
		for (String file : npm.listResources("ImplementationGuide")) {
			guide = parse(npm, file, ImplementationGuide.class);
			guide.getDefinition().getResource().removeIf(PackageInstaller::isExample);
		}
		return guide;
	}

	static boolean isExample(ImplementationGuide.ImplementationGuideDefinitionResourceComponent resource) {
		return resource.hasExampleCanonicalType()
				|| (resource.hasExampleBooleanType() && resource.getExampleBooleanType().booleanValue());
	}

	private InstalledPackage describe(NpmPackage npm, ImplementationGuide guide) throws IOException {
		List<InstalledPackage.Profile> profiles = new ArrayList<>();
		for (String file : npm.listResources("StructureDefinition")) {
			StructureDefinition definition = parse(npm, file, StructureDefinition.class);
			if (definition.getKind() == StructureDefinition.StructureDefinitionKind.RESOURCE
					&& definition.getDerivation() == StructureDefinition.TypeDerivationRule.CONSTRAINT) {
				profiles.add(new InstalledPackage.Profile(definition.getUrl(), definition.getType()));
			}
		}
		String guideUrl = guide == null ? null : guide.getUrl();
		return new InstalledPackage(npm.name(), npm.version(), npm.canonical(), guideUrl, List.copyOf(profiles));
	}

	private <T extends org.hl7.fhir.r4.model.Resource> T parse(NpmPackage npm, String file, Class<T> type)
			throws IOException {
		try (InputStream in = npm.load("package", file)) {
			return fhirContext.newJsonParser().parseResource(type, in);
		}
	}
}
