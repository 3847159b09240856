package health.workwell.security;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A SMART clinical scope, v1 or v2 (SMART App Launch 2.2, scopes-and-launch-context.html):
 * {@code (patient|user|system)/(Type|*).(cruds letters | read | write | *)}. v1 {@code read} means
 * {@code rs}, {@code write} means {@code cud}, {@code *} means {@code cruds}. v2 letters must be a
 * non-empty subsequence of {@code cruds} in that order; anything else is not a clinical scope and
 * grants nothing, so a malformed scope is never read as something wider. A scope with a query
 * (granular v2, e.g. {@code ?category=...}) is not enforced yet and likewise grants nothing.
 *
 * @param context whose data the scope reaches: the patient in context, what the user may see, or the system's
 * @param resourceType a resource type, or {@code *} for all
 * @param interactions what the scope allows
 */
public record SmartScope(Context context, String resourceType, Set<Interaction> interactions) {

	public enum Context { PATIENT, USER, SYSTEM }

	/** The SMART v2 permission letters, in their required order. */
	public enum Interaction { CREATE, READ, UPDATE, DELETE, SEARCH }

	private static final Pattern GRAMMAR = Pattern.compile("(patient|user|system)/([A-Z][A-Za-z]*|\\*)\\.([a-z*]+)");
	private static final String V2_ORDER = "cruds";

	public static Optional<SmartScope> parse(String scope) {
		Matcher matcher = GRAMMAR.matcher(scope);
		if (!matcher.matches()) {
			return Optional.empty();
		}
		Context context = Context.valueOf(matcher.group(1).toUpperCase(java.util.Locale.ROOT));
		Set<Interaction> interactions = switch (matcher.group(3)) {
			case "read" -> EnumSet.of(Interaction.READ, Interaction.SEARCH);
			case "write" -> EnumSet.of(Interaction.CREATE, Interaction.UPDATE, Interaction.DELETE);
			case "*" -> EnumSet.allOf(Interaction.class);
			default -> v2Letters(matcher.group(3));
		};
		return interactions.isEmpty() ? Optional.empty() : Optional.of(new SmartScope(context, matcher.group(2), interactions));
	}

	private static Set<Interaction> v2Letters(String letters) {
		Set<Interaction> interactions = EnumSet.noneOf(Interaction.class);
		int previous = -1;
		for (char letter : letters.toCharArray()) {
			int position = V2_ORDER.indexOf(letter);
			if (position <= previous) {
				return EnumSet.noneOf(Interaction.class);
			}
			interactions.add(Interaction.values()[position]);
			previous = position;
		}
		return interactions;
	}

	public boolean allows(String type, Interaction interaction) {
		return ("*".equals(resourceType) || resourceType.equals(type)) && interactions.contains(interaction);
	}
}
