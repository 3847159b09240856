package health.workwell.security;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * Granular SMART v2 scopes with a category (scopes-and-launch-context.html, "finer-grained resource
 * constraints"; the ONC (g)(10) fine-grained tests use them on Observation and Condition), e.g.
 * {@code patient/Observation.rs?category=http://terminology.hl7.org/CodeSystem/observation-category|vital-signs}:
 * read and search of that type, limited to records with that category. Only {@code category=<token>} on
 * Observation, Condition and DiagnosticReport is understood, and only the letters {@code r} and {@code s};
 * any other granular scope, or other letters in one, grants nothing (never wider than written).
 */
final class CategoryScopes {

	static final Set<String> TYPES_WITH_CATEGORY = Set.of("Observation", "Condition", "DiagnosticReport");
	private static final Pattern CATEGORY_QUERY = Pattern.compile("category=([^&=]+)");

	/** One granular scope: what it grants at type level, and the category it is held to. */
	record CategoryScope(SmartScope scope, String category) {}

	private CategoryScopes() {}

	/** The scope as a category scope, with its letters cut to {@code r} and {@code s}; empty if it is not one we understand. */
	static Optional<CategoryScope> parse(String text) {
		int question = text.indexOf('?');
		if (question < 0) {
			return Optional.empty();
		}
		Matcher query = CATEGORY_QUERY.matcher(text.substring(question + 1));
		if (!query.matches()) {
			return Optional.empty();
		}
		return SmartScope.parse(text.substring(0, question))
				.filter(scope -> TYPES_WITH_CATEGORY.contains(scope.resourceType()))
				.map(scope -> {
					Set<SmartScope.Interaction> readSearch = EnumSet.noneOf(SmartScope.Interaction.class);
					readSearch.addAll(scope.interactions());
					readSearch.retainAll(EnumSet.of(SmartScope.Interaction.READ, SmartScope.Interaction.SEARCH));
					return new SmartScope(scope.context(), scope.resourceType(), readSearch);
				})
				.filter(scope -> !scope.interactions().isEmpty())
				.map(scope -> new CategoryScope(scope, java.net.URLDecoder.decode(query.group(1), java.nio.charset.StandardCharsets.UTF_8)));
	}

	/**
	 * The categories this interaction on this type is held to for the current token: empty when some scope
	 * without a category allows it (no limit), else the categories of the category scopes that allow it.
	 */
	static Optional<Set<String>> limitFor(GrantedAccess access, List<String> rawScopes, String type, SmartScope.Interaction interaction) {
		List<SmartScope> unlimited = new ArrayList<>();
		Set<String> categories = new LinkedHashSet<>();
		for (String raw : rawScopes) {
			if (raw.indexOf('?') < 0) {
				SmartScope.parse(raw).ifPresent(unlimited::add);
			} else {
				parse(raw).filter(c -> effective(access, c.scope()) && c.scope().allows(type, interaction))
						.ifPresent(c -> categories.add(c.category()));
			}
		}
		boolean anyUnlimited = unlimited.stream().anyMatch(s -> effective(access, s) && s.allows(type, interaction));
		return anyUnlimited || categories.isEmpty() ? Optional.empty() : Optional.of(categories);
	}

	private static boolean effective(GrantedAccess access, SmartScope scope) {
		return scope.context() == SmartScope.Context.SYSTEM
				|| (scope.context() == SmartScope.Context.PATIENT && access.patient().isPresent());
	}

	/** Whether the record has one of the categories (a token {@code system|code}, or {@code code} in any system). */
	static boolean hasCategory(IBaseResource resource, Set<String> categories) {
		List<CodeableConcept> held = List.of();
		if (resource instanceof Observation observation) {
			held = observation.getCategory();
		} else if (resource instanceof Condition condition) {
			held = condition.getCategory();
		} else if (resource instanceof DiagnosticReport report) {
			held = report.getCategory();
		}
		for (CodeableConcept concept : held) {
			for (Coding coding : concept.getCoding()) {
				for (String category : categories) {
					int bar = category.indexOf('|');
					boolean matches = bar < 0
							? category.equals(coding.getCode())
							: category.substring(0, bar).equals(coding.getSystem() == null ? "" : coding.getSystem())
									&& category.substring(bar + 1).equals(coding.getCode());
					if (matches) {
						return true;
					}
				}
			}
		}
		return false;
	}
}
