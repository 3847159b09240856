package health.workwell.server.metrics;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.servlet.ServletRequestDetails;

/** Tells {@link FhirRequestMetricsFilter} which FHIR interaction HAPI resolved a request to. */
@Interceptor
public class FhirInteractionTagger {

	static final String INTERACTION = FhirInteractionTagger.class.getName() + ".interaction";
	static final String RESOURCE_TYPE = FhirInteractionTagger.class.getName() + ".resourceType";

	@Hook(Pointcut.SERVER_INCOMING_REQUEST_POST_PROCESSED)
	public void tag(RequestDetails request, ServletRequestDetails servletRequest) {
		RestOperationTypeEnum operation = request.getRestOperationType();
		String interaction = operation == null ? "unknown" : operation.getCode();
		if (request.getOperation() != null && operation != null && operation.getCode().startsWith("extended-operation")) {
			interaction = request.getOperation();
		}
		servletRequest.getServletRequest().setAttribute(INTERACTION, interaction);
		String resourceType = request.getResourceName();
		servletRequest.getServletRequest().setAttribute(RESOURCE_TYPE, resourceType == null ? "system" : resourceType);
	}
}
