package health.workwell.server;

import ca.uhn.fhir.context.FhirContext;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Outside the FHIR server (token checks against the authorization store, the token endpoint, the admin API): a
 * request that failed because the database is out of reach gets 503 with {@code Retry-After} and an
 * OperationOutcome, instead of the servlet container's 500 or a misleading 401.
 */
public class DatabaseUnavailableFilter extends OncePerRequestFilter {

	private final FhirContext fhirContext;

	public DatabaseUnavailableFilter(FhirContext fhirContext) {
		this.fhirContext = fhirContext;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			chain.doFilter(request, response);
		} catch (IOException | ServletException | RuntimeException failure) {
			if (!DatabaseUnavailable.isCause(failure) || response.isCommitted()) {
				throw failure;
			}
			response.reset();
			response.setStatus(DatabaseUnavailable.STATUS);
			response.setHeader("Retry-After", Long.toString(DatabaseUnavailable.RETRY_AFTER_SECONDS));
			response.setContentType("application/fhir+json;charset=UTF-8");
			OperationOutcome outcome = new OperationOutcome();
			outcome.addIssue().setSeverity(OperationOutcome.IssueSeverity.ERROR)
					.setCode(OperationOutcome.IssueType.TRANSIENT).setDiagnostics(DatabaseUnavailable.MESSAGE);
			response.getOutputStream().write(
					fhirContext.newJsonParser().encodeResourceToString(outcome).getBytes(StandardCharsets.UTF_8));
		}
	}
}
