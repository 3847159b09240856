package health.workwell.server;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.Constants;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Locale;

/**
 * Refuses JSON bodies that FHIR JSON forbids but HAPI's parser would half-keep (FHIR R4 json.html): a property
 * given twice (HAPI keeps one, silently), an empty array ("arrays are never empty"), a string holding an unpaired
 * UTF-16 surrogate (not a Unicode character, so it cannot be stored as UTF-8), a number beyond what the search
 * index can hold (it would be indexed as infinity or zero), and nesting deeper than the configured limit. One streaming pass over the body before HAPI parses it; 400 naming the problem and where.
 */
@Interceptor
public class StrictJsonBodies {

	private final JsonFactory json;

	public StrictJsonBodies(int maxDepth) {
		this.json = JsonFactory.builder()
				.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
				.streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(maxDepth).build())
				.build();
	}

	@Hook(Pointcut.SERVER_INCOMING_REQUEST_POST_PROCESSED)
	public void check(RequestDetails request) {
		String contentType = request.getHeader(Constants.HEADER_CONTENT_TYPE);
		if (contentType == null || !contentType.toLowerCase(Locale.ROOT).contains("json")) {
			return;
		}
		byte[] body = request.loadRequestContents();
		if (body == null || body.length == 0) {
			return;
		}
		try (JsonParser parser = json.createParser(body)) {
			JsonToken previous = null;
			for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
				if (token == JsonToken.END_ARRAY && previous == JsonToken.START_ARRAY) {
					throw refused("an empty array (FHIR JSON arrays are never empty)", parser);
				}
				if ((token == JsonToken.VALUE_NUMBER_FLOAT || token == JsonToken.VALUE_NUMBER_INT)
						&& !storableAsDouble(parser.getDecimalValue())) {
					throw refused("a number outside the range this server can index (about 1e-308 to 1e308)", parser);
				}
				if (token == JsonToken.VALUE_STRING || token == JsonToken.FIELD_NAME) {
					String text = parser.getText();
					if (hasUnpairedSurrogate(text)) {
						throw refused("a string with an unpaired UTF-16 surrogate (not a Unicode character)", parser);
					}
				}
				previous = token;
			}
		} catch (JsonProcessingException e) {
			// also what HAPI's own parser would let through: single quotes, a leading plus sign (not JSON, RFC 8259)
			throw new InvalidRequestException("Failed to parse request body as JSON: " + e.getOriginalMessage()
					+ location(e.getLocation()));
		} catch (IOException e) {
			throw new InvalidRequestException("Failed to read the request body: " + e.getMessage());
		}
	}

	/** Searches index decimals as doubles: beyond their range a value would be stored as infinity or zero. */
	static boolean storableAsDouble(BigDecimal value) {
		if (value.signum() == 0) {
			return true;
		}
		double magnitude = value.abs().doubleValue();
		return magnitude <= Double.MAX_VALUE && magnitude >= Double.MIN_NORMAL;
	}

	static boolean hasUnpairedSurrogate(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
				i++;
			} else if (Character.isSurrogate(c)) {
				return true;
			}
		}
		return false;
	}

	private static InvalidRequestException refused(String what, JsonParser parser) {
		return new InvalidRequestException("Failed to parse request body as JSON: " + what + " at "
				+ parser.getParsingContext().pathAsPointer() + location(parser.currentLocation()));
	}

	private static String location(JsonLocation location) {
		return location == null ? "" : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
	}
}
