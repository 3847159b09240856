package health.workwell.assessment;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;

/**
 * The writes that keep an operation's outputs stored, each under its business identifier: an output
 * already stored under its identifier is updated by id, and only when its content differs (so a re-run
 * on unchanged data writes nothing); a new one is created under an id derived from the identifier (a
 * name-based UUID: no search to make the create conditional, and two runs racing to create it write the
 * same resource).
 */
final class StoredOutputs {

	/** The outputs as they stand once the writes are committed (the stored resource where nothing changed). */
	final List<Resource> current = new ArrayList<>();
	private final List<Bundle.BundleEntryComponent> writes = new ArrayList<>();

	/**
	 * Makes {@code wanted} (which already carries its identifier) the resource under that identifier.
	 *
	 * @param stored the resource an earlier run stored under it, if any
	 * @return the reference other outputs of the same transaction use for it
	 */
	String keep(Resource wanted, String system, String identifier, Optional<? extends Resource> stored) {
		if (stored.isPresent()) {
			return update(wanted, stored.get());
		}
		String id = UUID.nameUUIDFromBytes((system + "|" + identifier).getBytes(StandardCharsets.UTF_8)).toString();
		String fullUrl = "urn:uuid:" + id;
		Bundle.BundleEntryComponent entry = new Bundle.BundleEntryComponent().setFullUrl(fullUrl).setResource(wanted);
		entry.getRequest().setMethod(Bundle.HTTPVerb.PUT).setUrl(wanted.fhirType() + "/" + id);
		writes.add(entry);
		current.add(wanted);
		return fullUrl;
	}

	/** Writes {@code wanted} over {@code stored} (by id) unless their content is the same. */
	String update(Resource wanted, Resource stored) {
		String id = stored.getIdElement().toUnqualifiedVersionless().getValue();
		wanted.setId(id);
		if (sameContent(wanted, stored)) {
			current.add(stored);
		} else {
			Bundle.BundleEntryComponent entry = new Bundle.BundleEntryComponent().setResource(wanted);
			entry.getRequest().setMethod(Bundle.HTTPVerb.PUT).setUrl(id);
			writes.add(entry);
			current.add(wanted);
		}
		return id;
	}

	void addTo(Bundle transaction) {
		writes.forEach(transaction.getEntry()::add);
	}

	private static boolean sameContent(Resource a, Resource b) {
		Resource left = a.copy();
		Resource right = b.copy();
		left.setMeta(null);
		right.setMeta(null);
		left.setId((String) null);
		right.setId((String) null);
		return left.equalsDeep(right);
	}
}
