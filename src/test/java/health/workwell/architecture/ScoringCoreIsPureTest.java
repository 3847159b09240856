package health.workwell.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The scoring core is pure Java (docs/design.md §1): its models and policies use nothing but the JDK and each
 * other — no HAPI, no Spring, no I/O framework — so they can be read, tested and reused on their own.
 */
class ScoringCoreIsPureTest {

	private static final JavaClasses PRODUCTION = new ClassFileImporter()
			.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("health.workwell");

	@Test
	void theScoringCoreUsesOnlyTheJdkAndItself() {
		classes().that().resideInAPackage("health.workwell.scoring..")
				.should().onlyDependOnClassesThat().resideInAnyPackage("health.workwell.scoring..", "java..")
				.because("the scoring core has no HAPI, Spring or other framework in it (docs/design.md §1)")
				.check(PRODUCTION);
	}
}
