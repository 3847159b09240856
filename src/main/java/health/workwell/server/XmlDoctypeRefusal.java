package health.workwell.server;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.Constants;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * FHIR R4 xml.html: "the XML SHALL NOT contain ... DTD declarations (DOCTYPE)". HAPI's parser never
 * resolves entities, but it accepts a DOCTYPE; WorkWell refuses any XML body that has one, so no
 * entity or DTD reference reaches a parser at all.
 */
@Interceptor
public class XmlDoctypeRefusal {

	@Hook(Pointcut.SERVER_INCOMING_REQUEST_POST_PROCESSED)
	public void refuseDoctype(RequestDetails request) {
		String contentType = request.getHeader(Constants.HEADER_CONTENT_TYPE);
		if (contentType == null || !contentType.toLowerCase(Locale.ROOT).contains("xml")) {
			return;
		}
		byte[] body = request.loadRequestContents();
		if (body != null && new String(body, StandardCharsets.UTF_8).toUpperCase(Locale.ROOT).contains("<!DOCTYPE")) {
			throw new InvalidRequestException("XML with a DOCTYPE declaration is not accepted (FHIR R4 xml.html)");
		}
	}
}
