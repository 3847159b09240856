package health.workwell.server.limits;

import ca.uhn.fhir.rest.server.exceptions.PayloadTooLargeException;

/** A request body over the configured limit, or a compressed one that expands too far (413). */
public class BodyTooLargeException extends PayloadTooLargeException {

	public BodyTooLargeException(long maxBytes) {
		super(message(maxBytes));
	}

	private BodyTooLargeException(String message) {
		super(message);
	}

	/** A compressed body that expands more than the configured ratio: a decompression bomb. */
	static BodyTooLargeException expandsTooFar(int maxRatio) {
		return new BodyTooLargeException("Compressed request body expands more than " + maxRatio
				+ " times its compressed size; this server refuses it");
	}

	static String message(long maxBytes) {
		return "Request body is larger than this server accepts (" + maxBytes + " bytes, after decompression)";
	}

	/** The OperationOutcome for a refusal made before HAPI sees the request. */
	static String outcomeJson(long maxBytes) {
		return "{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"severity\":\"error\",\"code\":\"too-long\","
				+ "\"diagnostics\":\"" + message(maxBytes) + "\"}]}";
	}
}
