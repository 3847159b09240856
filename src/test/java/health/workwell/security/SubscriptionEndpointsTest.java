package health.workwell.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Endpoint checks with a fixed resolver: no test here resolves a name through DNS or connects anywhere. */
class SubscriptionEndpointsTest {

	private static final Map<String, String> NAMES = Map.of(
			"hooks.intranet.example", "10.20.30.40",
			"rebound.example", "169.254.169.254",
			"ula.example", "fd12:3456::1",
			"mixed.example", "203.0.113.7,192.168.0.9",
			"partner.example", "203.0.113.7");

	private final SubscriptionEndpoints endpoints = new SubscriptionEndpoints(
			List.of("http://localhost", "https://hooks.intranet.example:8443"), SubscriptionEndpointsTest::resolve);

	private static InetAddress[] resolve(String host) throws UnknownHostException {
		String addresses = NAMES.get(host);
		if (addresses == null) {
			if (host.matches("[0-9.]+|[0-9a-f:.]+")) {
				return new InetAddress[] {InetAddress.getByName(host)}; // a literal: parsed, not looked up
			}
			throw new UnknownHostException(host);
		}
		String[] each = addresses.split(",");
		InetAddress[] result = new InetAddress[each.length];
		for (int i = 0; i < each.length; i++) {
			result[i] = InetAddress.getByName(each[i]);
		}
		return result;
	}

	@Test
	void aPublicHttpsEndpointIsAllowed() {
		assertThat(endpoints.problemWith("https://partner.example/hook")).isEmpty();
	}

	@Test
	void plainHttpIsRefused() {
		assertThat(endpoints.problemWith("http://partner.example/hook")).get().asString().contains("https");
	}

	@Test
	void nonPublicAddressesAreRefused() {
		assertThat(endpoints.problemWith("https://127.0.0.1:9/x")).get().asString().contains("loopback");
		assertThat(endpoints.problemWith("https://169.254.169.254/latest")).get().asString().contains("link-local");
		assertThat(endpoints.problemWith("https://10.0.0.1/x")).get().asString().contains("private");
		assertThat(endpoints.problemWith("https://172.16.5.4/x")).get().asString().contains("private");
		assertThat(endpoints.problemWith("https://192.168.1.1/x")).get().asString().contains("private");
		assertThat(endpoints.problemWith("https://100.64.0.1/x")).get().asString().contains("private");
		assertThat(endpoints.problemWith("https://0.0.0.0/x")).get().asString().contains("unspecified");
		assertThat(endpoints.problemWith("https://224.0.0.1/x")).get().asString().contains("multicast");
		assertThat(endpoints.problemWith("https://[::1]/x")).get().asString().contains("loopback");
		assertThat(endpoints.problemWith("https://[fe80::1]/x")).get().asString().contains("link-local");
		assertThat(endpoints.problemWith("https://[fd00::1]/x")).get().asString().contains("private");
		assertThat(endpoints.problemWith("https://[::ffff:10.0.0.1]/x")).get().asString().contains("private");
	}

	@Test
	void aNameResolvingToANonPublicAddressIsRefused() {
		assertThat(endpoints.problemWith("https://rebound.example/x")).get().asString().contains("169.254.169.254");
		assertThat(endpoints.problemWith("https://ula.example/x")).get().asString().contains("private");
		// one private address among public ones is enough to refuse
		assertThat(endpoints.problemWith("https://mixed.example/x")).get().asString().contains("192.168.0.9");
	}

	@Test
	void anUnresolvableHostIsRefused() {
		assertThat(endpoints.problemWith("https://nowhere.example/x")).get().asString().contains("does not resolve");
	}

	@Test
	void notAnHttpUrlIsRefused() {
		assertThat(endpoints.problemWith("ftp://partner.example/x")).isPresent();
		assertThat(endpoints.problemWith("mailto:someone@partner.example")).isPresent();
		assertThat(endpoints.problemWith("/relative")).isPresent();
		assertThat(endpoints.problemWith("")).isPresent();
	}

	@Test
	void allowListedOriginsMayBeHttpAndPrivate() {
		assertThat(endpoints.problemWith("http://localhost:41234/hook")).isEmpty();
		assertThat(endpoints.problemWith("https://hooks.intranet.example:8443/x")).isEmpty();
		// the entry's scheme and port count: anything else on that host is checked as usual
		assertThat(endpoints.problemWith("https://hooks.intranet.example/x")).get().asString().contains("private");
		assertThat(endpoints.problemWith("http://hooks.intranet.example:8443/x")).get().asString().contains("https");
		assertThat(endpoints.problemWith("http://127.0.0.1:9/x")).get().asString().contains("https");
	}
}
