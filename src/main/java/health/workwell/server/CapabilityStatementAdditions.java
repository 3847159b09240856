package health.workwell.server;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import org.hl7.fhir.instance.model.api.IBaseConformance;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.SystemRestfulInteraction;

/**
 * Completes the CapabilityStatement HAPI generates with what it leaves out: WorkWell's name and the
 * batch interaction (HAPI's system provider serves batch and transaction from one method and lists
 * only transaction).
 */
@Interceptor
public class CapabilityStatementAdditions {

	private final String version;

	public CapabilityStatementAdditions(String version) {
		this.version = version;
	}

	@Hook(Pointcut.SERVER_CAPABILITY_STATEMENT_GENERATED)
	public void complete(IBaseConformance generated) {
		CapabilityStatement capabilities = (CapabilityStatement) generated;
		capabilities.setName("WorkWellFhirServer");
		capabilities.setTitle("WorkWell FHIR server");
		capabilities.getSoftware().setName("WorkWell FHIR server").setVersion(version);
		for (CapabilityStatementRestComponent rest : capabilities.getRest()) {
			boolean listed = rest.getInteraction().stream().anyMatch(i -> i.getCode() == SystemRestfulInteraction.BATCH);
			if (!listed) {
				rest.addInteraction().setCode(SystemRestfulInteraction.BATCH);
			}
		}
	}
}
