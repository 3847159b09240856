package health.workwell.server.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Records every FHIR request as the Micrometer timer {@code workwell.fhir.requests} (Prometheus:
 * {@code workwell_fhir_requests_seconds_*}), tagged by interaction, resource type and HTTP status, so
 * request rate, latency and error rate can be read per FHIR interaction. Requests refused before HAPI
 * resolved them (e.g. an oversized body) count as interaction {@code unknown}.
 */
public class FhirRequestMetricsFilter extends OncePerRequestFilter {

	private final MeterRegistry registry;

	public FhirRequestMetricsFilter(MeterRegistry registry) {
		this.registry = registry;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Timer.Sample sample = Timer.start(registry);
		int status = 500;
		try {
			chain.doFilter(request, response);
			status = response.getStatus();
		} finally {
			sample.stop(Timer.builder("workwell.fhir.requests")
					.description("FHIR requests by interaction")
					.tag("interaction", attribute(request, FhirInteractionTagger.INTERACTION))
					.tag("resource", attribute(request, FhirInteractionTagger.RESOURCE_TYPE))
					.tag("status", Integer.toString(status))
					.tag("outcome", status >= 500 ? "server_error" : status >= 400 ? "client_error" : "success")
					.publishPercentileHistogram()
					.register(registry));
		}
	}

	private static String attribute(HttpServletRequest request, String name) {
		Object value = request.getAttribute(name);
		return value == null ? "unknown" : value.toString();
	}
}
