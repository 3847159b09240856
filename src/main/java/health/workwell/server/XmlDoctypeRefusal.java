package health.workwell.server;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.Constants;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * FHIR R4 xml.html: "the XML SHALL NOT contain ... DTD declarations (DOCTYPE)". HAPI's parser never
 * resolves entities, but it accepts a DOCTYPE; WorkWell refuses any XML body that has one, so no
 * entity or DTD reference reaches a parser at all.
 */
@Interceptor
public class XmlDoctypeRefusal {

	private static final Pattern DECLARED_CHARSET = Pattern.compile("charset=\"?([A-Za-z0-9._:-]+)", Pattern.CASE_INSENSITIVE);

	@Hook(Pointcut.SERVER_INCOMING_REQUEST_POST_PROCESSED)
	public void refuseDoctype(RequestDetails request) {
		String contentType = request.getHeader(Constants.HEADER_CONTENT_TYPE);
		if (contentType == null || !contentType.toLowerCase(Locale.ROOT).contains("xml")) {
			return;
		}
		byte[] body = request.loadRequestContents();
		if (body != null && candidateCharsets(contentType).stream()
				.anyMatch(charset -> new String(body, charset).toUpperCase(Locale.ROOT).contains("<!DOCTYPE"))) {
			throw new InvalidRequestException("XML with a DOCTYPE declaration is not accepted (FHIR R4 xml.html)");
		}
	}

	/**
	 * The body is read in every encoding an XML parser might detect (from the Content-Type, a byte order mark
	 * or the XML declaration), so a DOCTYPE in UTF-16 or UTF-32 is found as well as one in UTF-8.
	 */
	private static Set<Charset> candidateCharsets(String contentType) {
		Set<Charset> charsets = new LinkedHashSet<>();
		Matcher declared = DECLARED_CHARSET.matcher(contentType);
		if (declared.find()) {
			try {
				charsets.add(Charset.forName(declared.group(1)));
			} catch (IllegalArgumentException unknown) {
				// HAPI refuses it; the usual encodings are still checked
			}
		}
		charsets.addAll(List.of(StandardCharsets.UTF_8, StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE,
				Charset.forName("UTF-32LE"), Charset.forName("UTF-32BE")));
		return charsets;
	}
}
