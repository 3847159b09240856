package health.workwell.security;

import ca.uhn.fhir.batch2.api.IJobCoordinator;
import ca.uhn.fhir.batch2.model.JobInstance;
import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.RequestTypeEnum;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.bulk.BulkExportJobParameters;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import ca.uhn.fhir.rest.server.interceptor.binary.BinarySecurityContextInterceptor;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Bulk Data export files belong to the client that asked for them. At kick-off the requester is written
 * into the job ({@code BulkExportJobParameters}' binary security context), so HAPI stamps every file it
 * writes ({@code Binary.securityContext.identifier}); reading such a Binary needs the same requester
 * (HAPI's {@link BinarySecurityContextInterceptor}: 403 otherwise), and so does the status URL
 * ({@code $export-poll-status}, polls and cancels: 404 otherwise, as for an unknown job; a POST, whose job id
 * would come from a body not read yet, is refused). The requester is
 * the token's client, and its user when a user signed in to that client.
 */
@Interceptor
final class BulkExportOwnership extends BinarySecurityContextInterceptor {

	static final String REQUESTER_SYSTEM = "http://workwell.health/fhir/sid/oauth-client";
	private static final String POLL_STATUS = "$export-poll-status";

	private final ObjectProvider<IJobCoordinator> jobs;

	BulkExportOwnership(FhirContext fhirContext, ObjectProvider<IJobCoordinator> jobs) {
		super(fhirContext);
		this.jobs = jobs;
	}

	/** The client, or client and user, of the current request's token. */
	static Optional<String> currentRequester() {
		Jwt token = AdminAccess.currentToken();
		if (token == null || token.getClaimAsString(ClientTokenClaims.CLIENT_ID_CLAIM) == null) {
			return Optional.empty();
		}
		String client = token.getClaimAsString(ClientTokenClaims.CLIENT_ID_CLAIM);
		return Optional.of(client.equals(token.getSubject()) || token.getSubject() == null ? client : client + " " + token.getSubject());
	}

	@Hook(Pointcut.STORAGE_PRE_INITIATE_BULK_EXPORT)
	public void stampRequester(BulkExportJobParameters parameters) {
		parameters.setBinarySecurityContextIdentifierSystem(REQUESTER_SYSTEM);
		// no token, no requester: such files match no one (an empty value would leave them unstamped)
		parameters.setBinarySecurityContextIdentifierValue(currentRequester().orElse("(none)"));
	}

	@Hook(Pointcut.SERVER_INCOMING_REQUEST_PRE_HANDLED)
	public void pollOnlyOwnJobs(RequestDetails request, RestOperationTypeEnum operation) {
		if (operation != RestOperationTypeEnum.EXTENDED_OPERATION_SERVER || !POLL_STATUS.equals(request.getOperation())) {
			return;
		}
		String[] jobId = request.getParameters().get("_jobId");
		if (request.getRequestType() == RequestTypeEnum.POST) {
			// HAPI would read the job id from a Parameters body as well, which is not parsed yet here
			throw new InvalidRequestException("Read an export's status with GET (cancel with DELETE), _jobId in the URL");
		}
		if (jobId == null || jobId.length != 1) {
			return; // HAPI answers the malformed request itself
		}
		JobInstance job = jobs.getObject().getInstance(jobId[0]);
		BulkExportJobParameters parameters = job.getParameters(BulkExportJobParameters.class);
		if (!REQUESTER_SYSTEM.equals(parameters.getBinarySecurityContextIdentifierSystem())
				|| !currentRequester().map(parameters.getBinarySecurityContextIdentifierValue()::equals).orElse(false)) {
			throw new ResourceNotFoundException("Unknown export job: " + jobId[0]);
		}
	}

	@Override
	protected boolean securityContextIdentifierAllowed(String system, String value, RequestDetails request) {
		return !REQUESTER_SYSTEM.equals(system) || currentRequester().map(value::equals).orElse(false);
	}
}
