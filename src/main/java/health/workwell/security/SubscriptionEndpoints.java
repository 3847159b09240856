package health.workwell.security;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which rest-hook endpoints the server may call (against server-side request forgery): https to a host
 * whose every address is public, unless the endpoint's origin is allow-listed
 * ({@link SubscriptionProperties#allowedEndpoints()}). Refused: loopback, link-local (169.254.0.0/16, the
 * cloud metadata service; fe80::/10), private (RFC 1918, RFC 4193 fc00::/7, 100.64.0.0/10), unspecified,
 * "this network" (0.0.0.0/8) and multicast addresses, and hosts that do not resolve. Checked when a
 * Subscription is written and again before each delivery, since a name may resolve elsewhere later.
 */
public final class SubscriptionEndpoints {

	/** Resolves a host name; a seam so that tests need no DNS. */
	@FunctionalInterface
	public interface Resolver {
		InetAddress[] resolve(String host) throws UnknownHostException;
	}

	/** {@code port} -1: none given (for an allow-list entry: any port; for an endpoint: the scheme's). */
	private record Origin(String scheme, String host, int port) {
		boolean covers(Origin endpoint) {
			return scheme.equals(endpoint.scheme) && host.equals(endpoint.host) && (port < 0 || port == endpoint.effectivePort());
		}

		int effectivePort() {
			return port >= 0 ? port : "https".equals(scheme) ? 443 : 80;
		}
	}

	private final List<Origin> allowed;
	private final Resolver resolver;

	public SubscriptionEndpoints(List<String> allowedEndpoints, Resolver resolver) {
		this.allowed = allowedEndpoints.stream().map(entry -> origin(entry).orElseThrow(() -> new IllegalArgumentException(
				"workwell.security.subscriptions.allowed-endpoints: not an origin (scheme://host[:port]): " + entry))).toList();
		this.resolver = resolver;
	}

	public SubscriptionEndpoints(List<String> allowedEndpoints) {
		this(allowedEndpoints, InetAddress::getAllByName);
	}

	/** Why the server must not call this endpoint; empty when it may. */
	public Optional<String> problemWith(String endpoint) {
		if (endpoint == null || endpoint.isBlank()) {
			return Optional.of("a rest-hook Subscription needs a channel.endpoint");
		}
		Optional<Origin> origin = origin(endpoint);
		if (origin.isEmpty()) {
			return Optional.of("the endpoint " + endpoint + " is not an absolute http(s) URL");
		}
		if (allowed.stream().anyMatch(entry -> entry.covers(origin.get()))) {
			return Optional.empty();
		}
		if (!"https".equals(origin.get().scheme())) {
			return Optional.of("the endpoint " + endpoint + " must use https (or be allow-listed in"
					+ " workwell.security.subscriptions.allowed-endpoints)");
		}
		InetAddress[] addresses;
		try {
			addresses = resolver.resolve(origin.get().host());
		} catch (UnknownHostException e) {
			return Optional.of("the endpoint's host " + origin.get().host() + " does not resolve");
		}
		for (InetAddress address : addresses) {
			Optional<String> kind = nonPublic(address);
			if (kind.isPresent()) {
				return Optional.of("the endpoint's host " + origin.get().host() + " is " + address.getHostAddress() + ", a "
						+ kind.get() + " address; the server does not call such addresses unless allow-listed in"
						+ " workwell.security.subscriptions.allowed-endpoints");
			}
		}
		return Optional.empty();
	}

	/** What kind of non-public address this is; empty for a public one. */
	static Optional<String> nonPublic(InetAddress address) {
		byte[] bytes = address.getAddress();
		if (address.isLoopbackAddress()) {
			return Optional.of("loopback");
		}
		if (address.isLinkLocalAddress()) {
			return Optional.of("link-local");
		}
		if (address.isAnyLocalAddress() || (bytes.length == 4 && bytes[0] == 0)) {
			return Optional.of("unspecified");
		}
		if (address.isMulticastAddress()) {
			return Optional.of("multicast");
		}
		if (address.isSiteLocalAddress() || (address instanceof Inet6Address && (bytes[0] & 0xfe) == 0xfc)
				|| (bytes.length == 4 && (bytes[0] & 0xff) == 100 && (bytes[1] & 0xc0) == 64)) {
			return Optional.of("private");
		}
		return Optional.empty();
	}

	private static Optional<Origin> origin(String url) {
		try {
			URI uri = new URI(url.trim());
			String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
			if (!"http".equals(scheme) && !"https".equals(scheme) || uri.getHost() == null) {
				return Optional.empty();
			}
			String host = uri.getHost().toLowerCase(Locale.ROOT);
			if (host.startsWith("[") && host.endsWith("]")) {
				host = host.substring(1, host.length() - 1);
			}
			return Optional.of(new Origin(scheme, host, uri.getPort()));
		} catch (URISyntaxException e) {
			return Optional.empty();
		}
	}
}
