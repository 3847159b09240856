package health.workwell.server;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.StrictErrorHandler;
import ca.uhn.fhir.rest.api.Constants;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;

/**
 * A FHIR body is taken whole or not at all. HAPI's parser is lenient by default: an unknown element, a value of the
 * wrong type or an invalid date is logged and dropped, and bytes that are not valid in the body's charset become
 * U+FFFD, so a resource is stored with parts of it silently gone. Before HAPI parses a body, it is decoded strictly
 * in its declared charset (UTF-8 when none), its JSON or XML shape checked ({@link FhirJsonShape},
 * {@link FhirXmlShape}) and parsed once with HAPI's {@link StrictErrorHandler}; any problem is a 400 naming it (FHIR R4 http.html: a server SHALL reject content it cannot process faithfully).
 */
@Interceptor
public class StrictResourceParsing {

	private static final ObjectMapper JSON = new ObjectMapper();

	private final FhirContext fhirContext;
	private final FhirJsonShape jsonShape;

	public StrictResourceParsing(FhirContext fhirContext) {
		this.fhirContext = fhirContext;
		this.jsonShape = new FhirJsonShape(fhirContext);
	}

	private String jsonShapeProblem(String text) {
		try {
			return jsonShape.problem(JSON.readTree(text));
		} catch (JsonProcessingException e) {
			return null; // not JSON at all: HAPI's parser says why
		}
	}

	@Hook(Pointcut.SERVER_INCOMING_REQUEST_POST_PROCESSED)
	public void check(RequestDetails request) {
		String contentType = request.getHeader(Constants.HEADER_CONTENT_TYPE);
		EncodingEnum encoding = contentType == null ? null : EncodingEnum.forContentType(contentType);
		if (encoding == null || (encoding != EncodingEnum.JSON && encoding != EncodingEnum.XML)) {
			return;
		}
		byte[] body = request.loadRequestContents();
		if (body == null || body.length == 0) {
			return;
		}
		String text = decodeStrictly(body, charsetOf(contentType));
		String shapeProblem = encoding == EncodingEnum.JSON ? jsonShapeProblem(text) : FhirXmlShape.problem(text);
		if (shapeProblem != null) {
			throw new InvalidRequestException("Failed to parse request body as a FHIR resource: " + shapeProblem);
		}
		IParser parser = encoding == EncodingEnum.JSON ? fhirContext.newJsonParser() : fhirContext.newXmlParser();
		parser.setParserErrorHandler(new StrictErrorHandler());
		try {
			parser.parseResource(text);
		} catch (DataFormatException | IllegalArgumentException e) {
			throw new InvalidRequestException("Failed to parse request body as a FHIR resource: " + e.getMessage());
		}
	}

	private static Charset charsetOf(String contentType) {
		for (String part : contentType.split(";")) {
			String trimmed = part.trim();
			if (trimmed.toLowerCase(Locale.ROOT).startsWith("charset=")) {
				String name = trimmed.substring("charset=".length()).replace("\"", "").trim();
				try {
					return Charset.forName(name);
				} catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
					throw new InvalidRequestException("Unknown charset in Content-Type: " + name);
				}
			}
		}
		return StandardCharsets.UTF_8;
	}

	private static String decodeStrictly(byte[] body, Charset charset) {
		try {
			return charset.newDecoder()
					.onMalformedInput(CodingErrorAction.REPORT)
					.onUnmappableCharacter(CodingErrorAction.REPORT)
					.decode(ByteBuffer.wrap(body))
					.toString();
		} catch (CharacterCodingException e) {
			throw new InvalidRequestException("The request body is not valid " + charset.name() + " (" + e.getMessage() + ")");
		}
	}
}
