package health.workwell.server.limits;

import ca.uhn.fhir.rest.server.exceptions.PayloadTooLargeException;

/** A request body over the configured limit (413). */
public class BodyTooLargeException extends PayloadTooLargeException {

	public BodyTooLargeException(long maxBytes) {
		super(message(maxBytes));
	}

	static String message(long maxBytes) {
		return "Request body is larger than this server accepts (" + maxBytes + " bytes)";
	}

	/** The OperationOutcome for a refusal made before HAPI sees the request. */
	static String outcomeJson(long maxBytes) {
		return "{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"severity\":\"error\",\"code\":\"too-long\","
				+ "\"diagnostics\":\"" + message(maxBytes) + "\"}]}";
	}
}
