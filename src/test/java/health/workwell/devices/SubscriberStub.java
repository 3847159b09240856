package health.workwell.devices;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A rest-hook subscriber on 127.0.0.1 that counts the notifications it accepts per endpoint, and
 * answers 500 to the first few requests (a subscriber that is down) so that retries can be seen.
 */
final class SubscriberStub implements AutoCloseable {

	private final HttpServer server;
	private final AtomicInteger toFail;
	private final AtomicInteger failures = new AtomicInteger();
	private final Map<String, AtomicInteger> delivered = new ConcurrentHashMap<>();

	private SubscriberStub(int failFirst) throws IOException {
		toFail = new AtomicInteger(failFirst);
		server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/", exchange -> {
			exchange.getRequestBody().readAllBytes();
			int status;
			if (toFail.getAndDecrement() > 0) {
				failures.incrementAndGet();
				status = 500;
			} else {
				String endpoint = exchange.getRequestURI().getPath().split("/")[1];
				delivered.computeIfAbsent(endpoint, key -> new AtomicInteger()).incrementAndGet();
				status = 200;
			}
			exchange.sendResponseHeaders(status, -1);
			exchange.close();
		});
		server.start();
	}

	static SubscriberStub failingFirst(int requests) throws IOException {
		return new SubscriberStub(requests);
	}

	String url(String endpoint) {
		// by name: the servers' test configuration allow-lists http://localhost for subscription endpoints
		return "http://localhost:" + server.getAddress().getPort() + "/" + endpoint;
	}

	int failures() {
		return failures.get();
	}

	/** Waits until exactly {@code count} notifications reached the endpoint, and no more arrive for a moment. */
	void awaitDelivered(String endpoint, int count) throws InterruptedException {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
		while (Instant.now().isBefore(deadline) && delivered(endpoint) < count) {
			Thread.sleep(100);
		}
		Thread.sleep(1500);
		if (delivered(endpoint) != count) {
			throw new AssertionError(endpoint + ": expected " + count + " notifications, got " + delivered(endpoint));
		}
	}

	private int delivered(String endpoint) {
		AtomicInteger count = delivered.get(endpoint);
		return count == null ? 0 : count.get();
	}

	@Override
	public void close() {
		server.stop(0);
	}
}
