package health.workwell.testsupport;

import health.workwell.WorkWellApplication;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;

/**
 * The server as a process of its own (the test class path, the embedded default on a data directory the test
 * chooses), so that a test can kill it the way a crash does ({@code SIGKILL}: no shutdown hook, no flush) and
 * start it again on the same directory. Its output goes to {@code server.log} in the data directory.
 */
public final class ServerProcess implements AutoCloseable {

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final Process process;
	private final int port;

	private ServerProcess(Process process, int port) {
		this.process = process;
		this.port = port;
	}

	/** Starts the server on the data directory with the test administrator client, and waits until it is ready. */
	public static ServerProcess start(Path dataDir, String... extraArguments) throws IOException {
		int port = freePort();
		List<String> command = new ArrayList<>(List.of(
				Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Xmx1g", "-XX:+UseParallelGC",
				// C1 only: the child's start-up is mostly JIT work, and the test needs no peak speed
				"-XX:TieredStopAtLevel=1",
				"-cp", System.getProperty("java.class.path"),
				WorkWellApplication.class.getName(),
				"--server.port=" + port,
				"--workwell.data-dir=" + dataDir,
				"--workwell.security.rate-limit-per-minute=0",
				"--workwell.security.issuer=http://127.0.0.1:" + port,
				"--" + TestTokens.ADMIN_CLIENT_PROPERTIES_ID,
				"--" + TestTokens.ADMIN_CLIENT_PROPERTIES_SECRET));
		command.addAll(List.of(extraArguments));
		Files.createDirectories(dataDir);
		Process process = new ProcessBuilder(command)
				.redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(dataDir.resolve("server.log").toFile()))
				.start();
		ServerProcess server = new ServerProcess(process, port);
		try {
			Awaitility.await("the server process on port " + port + " to be ready")
					.atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(500))
					.until(() -> {
						if (!process.isAlive()) {
							throw new IllegalStateException("The server process ended with " + process.exitValue()
									+ "; see " + dataDir.resolve("server.log"));
						}
						return server.isReady();
					});
		} catch (RuntimeException e) {
			server.kill();
			throw e;
		}
		return server;
	}

	public int port() {
		return port;
	}

	/** Kills the process as a crash would: SIGKILL, no shutdown hooks; returns once it is gone. */
	public void kill() {
		process.destroyForcibly();
		try {
			if (!process.waitFor(60, TimeUnit.SECONDS)) {
				throw new IllegalStateException("The server process did not die");
			}
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	@Override
	public void close() {
		if (process.isAlive()) {
			kill();
		}
	}

	private boolean isReady() {
		try {
			HttpResponse<Void> response = HTTP.send(
					HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"))
							.timeout(Duration.ofSeconds(5)).build(),
					HttpResponse.BodyHandlers.discarding());
			return response.statusCode() == 200;
		} catch (IOException e) {
			return false;
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}
}
