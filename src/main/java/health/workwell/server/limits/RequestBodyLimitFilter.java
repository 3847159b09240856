package health.workwell.server.limits;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Locale;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Caps the size of a request body: a declared {@code Content-Length} over the limit is answered 413
 * at once; any other body is counted as it is read and fails with {@link BodyTooLargeException}
 * (which HAPI turns into 413) when it passes the limit. A {@code Content-Encoding: gzip} body is
 * decompressed here, as it is read ({@link GunzippedBody}), and the limit applies to what it expands to;
 * the FHIR server's own decompression is off, since it would expand the whole body in memory first.
 */
public class RequestBodyLimitFilter extends OncePerRequestFilter {

	static final String CONTENT_ENCODING = "Content-Encoding";

	private final long maxBytes;
	private final int maxDecompressionRatio;

	public RequestBodyLimitFilter(long maxBytes, int maxDecompressionRatio) {
		this.maxBytes = maxBytes;
		this.maxDecompressionRatio = maxDecompressionRatio;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.getContentLengthLong() > maxBytes) {
			response.setStatus(413);
			response.setContentType("application/fhir+json;charset=UTF-8");
			response.getOutputStream().write(BodyTooLargeException.outcomeJson(maxBytes).getBytes(StandardCharsets.UTF_8));
			return;
		}
		if (!gzip(request) && !identity(request)) {
			// RFC 9110 §8.4.1: a content coding the server does not decode is refused, not read as if it were plain
			response.setStatus(415);
			response.setContentType("application/fhir+json;charset=UTF-8");
			response.getOutputStream().write(("{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"severity\":\"error\","
					+ "\"code\":\"not-supported\",\"diagnostics\":\"Content-Encoding other than gzip is not supported\"}]}")
					.getBytes(StandardCharsets.UTF_8));
			return;
		}
		chain.doFilter(gzip(request) ? new GunzippedRequest(request) : new CountedRequest(request), response);
	}

	private static boolean identity(HttpServletRequest request) {
		String encoding = request.getHeader(CONTENT_ENCODING);
		return encoding == null || encoding.isBlank() || encoding.trim().equalsIgnoreCase("identity");
	}

	private static boolean gzip(HttpServletRequest request) {
		String encoding = request.getHeader(CONTENT_ENCODING);
		return encoding != null && switch (encoding.trim().toLowerCase(Locale.ROOT)) {
			case "gzip", "x-gzip" -> true;
			default -> false;
		};
	}

	private class CountedRequest extends HttpServletRequestWrapper {
		private ServletInputStream stream;

		CountedRequest(HttpServletRequest request) {
			super(request);
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			if (stream == null) {
				stream = body(super.getInputStream());
			}
			return stream;
		}

		ServletInputStream body(ServletInputStream raw) throws IOException {
			return new CountingBody(raw, maxBytes);
		}
	}

	/** The decompressed body, no longer declaring an encoding (nothing downstream decompresses it again). */
	private final class GunzippedRequest extends CountedRequest {

		GunzippedRequest(HttpServletRequest request) {
			super(request);
		}

		@Override
		ServletInputStream body(ServletInputStream raw) throws IOException {
			return GunzippedBody.of(raw, maxBytes, maxDecompressionRatio);
		}

		@Override
		public String getHeader(String name) {
			return CONTENT_ENCODING.equalsIgnoreCase(name) ? null : super.getHeader(name);
		}

		@Override
		public Enumeration<String> getHeaders(String name) {
			return CONTENT_ENCODING.equalsIgnoreCase(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
		}

		@Override
		public Enumeration<String> getHeaderNames() {
			return Collections.enumeration(Collections.list(super.getHeaderNames()).stream()
					.filter(name -> !CONTENT_ENCODING.equalsIgnoreCase(name)).toList());
		}

		@Override
		public int getContentLength() {
			return -1; // the expanded length is not known before it is read
		}

		@Override
		public long getContentLengthLong() {
			return -1;
		}
	}
}
