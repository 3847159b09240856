package health.workwell.server;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.Constants;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.method.BaseMethodBinding;
import org.hl7.fhir.instance.model.api.IIdType;

/**
 * A parameter that cannot be turned into its declared type (e.g. {@code $lastn?max=abc}) is the client's error:
 * HAPI lets the conversion's exception (a NumberFormatException inside an IllegalArgumentException) through as a
 * 500. Anything thrown while HAPI builds a method's arguments from the request is answered 400 instead, with the
 * conversion's message; failures after that stay what they are. Two values HAPI never checks are checked first.
 */
@Interceptor
public class MalformedParameterAsBadRequest {

	private static final String ARGUMENT_BINDING = BaseMethodBinding.class.getName();

	@Hook(Pointcut.SERVER_PRE_PROCESS_OUTGOING_EXCEPTION)
	public BaseServerResponseException translate(Throwable exception) {
		if (exception instanceof BaseServerResponseException || !thrownWhileBindingArguments(exception)) {
			return null;
		}
		Throwable root = exception;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return new InvalidRequestException("Invalid request parameter: " + root.getClass().getSimpleName() + ": "
				+ root.getMessage());
	}

	/**
	 * Values HAPI hands on unchecked and then fails on as a server error: {@code _offset} (must be a whole number of
	 * zero or more) and a version id in the URL (HAPI's versions are numbers that fit a long).
	 */
	@Hook(Pointcut.SERVER_INCOMING_REQUEST_POST_PROCESSED)
	public void checkUncheckedValues(RequestDetails request) {
		String[] offset = request.getParameters().get(Constants.PARAM_OFFSET);
		if (offset != null) {
			for (String value : offset) {
				if (!value.matches("\\d{1,9}")) {
					throw new InvalidRequestException("Invalid request parameter: _offset must be a whole number of zero or more, got '" + value + "'");
				}
			}
		}
		IIdType id = request.getId();
		if (id != null && id.hasVersionIdPart() && !id.getVersionIdPart().matches("\\d{1,18}")) {
			throw new InvalidRequestException("Invalid version id '" + id.getVersionIdPart() + "': versions are whole numbers");
		}
	}

	private static boolean thrownWhileBindingArguments(Throwable exception) {
		for (StackTraceElement frame : exception.getStackTrace()) {
			if (frame.getClassName().equals(ARGUMENT_BINDING) && frame.getMethodName().equals("createMethodParams")) {
				return true;
			}
		}
		return false;
	}
}
