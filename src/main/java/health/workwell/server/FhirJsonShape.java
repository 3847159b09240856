package health.workwell.server;

import ca.uhn.fhir.context.BaseRuntimeChildDefinition;
import ca.uhn.fhir.context.BaseRuntimeElementCompositeDefinition;
import ca.uhn.fhir.context.BaseRuntimeElementDefinition;
import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.RuntimeResourceDefinition;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * The JSON shape rules of FHIR R4 json.html that HAPI's parser does not enforce (it converts or drops instead):
 * a repeating element is an array and a single one is not; a boolean is a JSON boolean, a number a JSON number,
 * every other primitive a JSON string; there are no empty objects; {@code null} appears only inside an array of
 * primitives whose extensions ({@code _name}) are given beside it. Unknown element names are left to HAPI's strict
 * parser. Returns the first problem with its JSON path, or null.
 */
final class FhirJsonShape {

	private static final Set<String> NUMBERS = Set.of("integer", "decimal", "positiveInt", "unsignedInt", "integer64");

	private final FhirContext fhirContext;

	FhirJsonShape(FhirContext fhirContext) {
		this.fhirContext = fhirContext;
	}

	String problem(JsonNode resource) {
		return resource(resource, "");
	}

	private String resource(JsonNode node, String path) {
		if (!node.isObject() || !node.path("resourceType").isTextual()) {
			return path + ": a resource must be an object with a resourceType";
		}
		RuntimeResourceDefinition definition;
		try {
			definition = fhirContext.getResourceDefinition(node.get("resourceType").asText());
		} catch (RuntimeException unknown) {
			return null; // HAPI refuses unknown types itself
		}
		return composite(node, definition, path, true);
	}

	private String composite(JsonNode node, BaseRuntimeElementCompositeDefinition<?> definition, String path, boolean isResource) {
		if (node.isEmpty()) {
			return path + ": an empty object (FHIR JSON objects are never empty)";
		}
		for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
			Map.Entry<String, JsonNode> field = fields.next();
			String name = field.getKey();
			JsonNode value = field.getValue();
			String at = path + "/" + name;
			if (isResource && name.equals("resourceType")) {
				continue;
			}
			if (name.startsWith("_")) {
				if (value.isNull()) {
					return at + ": null";
				}
				continue; // a primitive's id and extensions
			}
			BaseRuntimeChildDefinition child = definition.getChildByName(name);
			if (child == null) {
				continue; // unknown elements: HAPI's strict parser names them
			}
			BaseRuntimeElementDefinition<?> type = child.getChildByName(name);
			if (type == null) {
				continue;
			}
			boolean repeating = child.getMax() != 1;
			if (value.isNull()) {
				return at + ": null";
			}
			if (repeating != value.isArray()) {
				return at + (repeating ? ": must be an array (the element repeats)" : ": must not be an array (the element does not repeat)");
			}
			boolean extensionsBeside = node.has("_" + name);
			for (int i = 0; i < (repeating ? value.size() : 1); i++) {
				JsonNode item = repeating ? value.get(i) : value;
				String itemAt = repeating ? at + "/" + i : at;
				if (item.isNull()) {
					if (repeating && extensionsBeside && isPrimitive(type)) {
						continue;
					}
					return itemAt + ": null";
				}
				String problem = element(item, type, itemAt);
				if (problem != null) {
					return problem;
				}
			}
		}
		return null;
	}

	private String element(JsonNode value, BaseRuntimeElementDefinition<?> type, String at) {
		switch (type.getChildType()) {
			case PRIMITIVE_DATATYPE, ID_DATATYPE, PRIMITIVE_XHTML, PRIMITIVE_XHTML_HL7ORG -> {
				String name = type.getName();
				boolean ok = "boolean".equals(name) ? value.isBoolean() : NUMBERS.contains(name) ? value.isNumber() : value.isTextual();
				return ok ? null : at + ": a " + name + " must be a JSON " + ("boolean".equals(name) ? "boolean" : NUMBERS.contains(name) ? "number" : "string");
			}
			case RESOURCE, CONTAINED_RESOURCE_LIST, CONTAINED_RESOURCES -> {
				return resource(value, at);
			}
			default -> {
				if (!value.isObject()) {
					return at + ": must be an object";
				}
				return type instanceof BaseRuntimeElementCompositeDefinition<?> composite ? composite(value, composite, at, false) : null;
			}
		}
	}

	private static boolean isPrimitive(BaseRuntimeElementDefinition<?> type) {
		return switch (type.getChildType()) {
			case PRIMITIVE_DATATYPE, ID_DATATYPE -> true;
			default -> false;
		};
	}
}
