package health.workwell.security;

import ca.uhn.fhir.context.FhirContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * 401 and 403 answers of the FHIR API as FHIR clients expect them: an OperationOutcome body, with
 * the {@code WWW-Authenticate: Bearer ...} header (RFC 6750) that Spring Security's own handlers set.
 */
final class OperationOutcomeResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

	private final FhirContext fhirContext;
	/** Audits a request refused here, before the FHIR server (which audits everything it answers itself). */
	private final org.springframework.beans.factory.ObjectProvider<health.workwell.audit.AuditTrail> audit;
	private final BearerTokenAuthenticationEntryPoint bearerChallenge = new BearerTokenAuthenticationEntryPoint();
	private final BearerTokenAccessDeniedHandler bearerDenied = new BearerTokenAccessDeniedHandler();

	OperationOutcomeResponses(FhirContext fhirContext,
			org.springframework.beans.factory.ObjectProvider<health.workwell.audit.AuditTrail> audit) {
		this.fhirContext = fhirContext;
		this.audit = audit;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
			throws IOException {
		bearerChallenge.commence(request, response, failure);
		audit.ifAvailable(trail -> trail.recordRefusedBeforeFhir(request, HttpServletResponse.SC_UNAUTHORIZED, failure.getMessage()));
		write(response, IssueType.LOGIN, "Authentication required: send a valid bearer access token issued for this server ("
				+ failure.getMessage() + ")");
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
			throws IOException {
		bearerDenied.handle(request, response, denied);
		audit.ifAvailable(trail -> trail.recordRefusedBeforeFhir(request, HttpServletResponse.SC_FORBIDDEN, "access denied"));
		write(response, IssueType.FORBIDDEN, "The access token does not grant this request");
	}

	private void write(HttpServletResponse response, IssueType type, String diagnostics) throws IOException {
		OperationOutcome outcome = new OperationOutcome();
		outcome.addIssue().setSeverity(IssueSeverity.ERROR).setCode(type).setDiagnostics(diagnostics);
		response.setContentType("application/fhir+json;charset=UTF-8");
		response.getWriter().write(fhirContext.newJsonParser().encodeResourceToString(outcome));
	}
}
