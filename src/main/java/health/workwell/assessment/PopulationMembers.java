package health.workwell.assessment;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.hl7.fhir.instance.model.api.IIdType;
import org.hl7.fhir.r4.model.Group;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;

/**
 * The patients a population run covers, as ids in a stable (sorted) order so a run can resume after
 * the last patient it finished: an enterprise's employees are the Patients whose
 * {@code managingOrganization} is the Organization or one of its departments (Organizations
 * {@code partOf} it, at any depth); a Group's are its Patient members that are not marked inactive.
 */
final class PopulationMembers {

	private PopulationMembers() {}

	/** The member ids of {@code Organization/x} or {@code Group/x}; a missing target throws 404 through the DAO. */
	static List<String> of(DaoRegistry daos, IIdType target, RequestDetails request) {
		return switch (target.getResourceType()) {
			case "Organization" -> employees(daos, target, request);
			case "Group" -> groupMembers(daos, target, request);
			default -> throw new IllegalArgumentException(target.getValue());
		};
	}

	private static List<String> employees(DaoRegistry daos, IIdType organization, RequestDetails request) {
		daos.getResourceDao(Organization.class).read(organization.toUnqualifiedVersionless(), request);
		Set<String> organizations = new LinkedHashSet<>(List.of(organization.getIdPart()));
		List<String> level = List.of(organization.getIdPart());
		while (!level.isEmpty()) {
			List<String> next = new ArrayList<>();
			for (IIdType department : daos.getResourceDao(Organization.class)
					.searchForResourceIds(PatientRecord.referencing("partof", "Organization", level), request)) {
				if (organizations.add(department.getIdPart())) {
					next.add(department.getIdPart());
				}
			}
			level = next;
		}
		Set<String> members = new TreeSet<>();
		daos.getResourceDao(Patient.class)
				.searchForResourceIds(PatientRecord.referencing("organization", "Organization", List.copyOf(organizations)), request)
				.forEach(id -> members.add(id.getIdPart()));
		return List.copyOf(members);
	}

	private static List<String> groupMembers(DaoRegistry daos, IIdType group, RequestDetails request) {
		Group found = daos.getResourceDao(Group.class).read(group.toUnqualifiedVersionless(), request);
		Set<String> members = new TreeSet<>();
		for (Group.GroupMemberComponent member : found.getMember()) {
			IdType entity = new IdType(member.getEntity().getReference());
			if ("Patient".equals(entity.getResourceType()) && !member.getInactive()) {
				members.add(entity.getIdPart());
			}
		}
		return List.copyOf(members);
	}
}
