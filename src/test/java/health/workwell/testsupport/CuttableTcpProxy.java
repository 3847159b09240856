package health.workwell.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP proxy on 127.0.0.1 in front of a server (here: PostgreSQL), which a test can cut as if the server had
 * stopped: every open connection is closed and new ones are closed as soon as they are accepted, until it is
 * restored. Lets a test take the database away from the server under test without stopping a database other
 * tests use.
 */
public final class CuttableTcpProxy implements AutoCloseable {

	private final ServerSocket listener;
	private final InetSocketAddress target;
	private final Set<Socket> open = ConcurrentHashMap.newKeySet();
	private volatile boolean cut;

	public CuttableTcpProxy(String targetHost, int targetPort) throws IOException {
		this.target = new InetSocketAddress(targetHost, targetPort);
		this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		Thread acceptor = new Thread(this::acceptLoop, "proxy-accept-" + listener.getLocalPort());
		acceptor.setDaemon(true);
		acceptor.start();
	}

	public int port() {
		return listener.getLocalPort();
	}

	/** Closes every connection and refuses new ones (accepted, then closed at once), as a stopped server does. */
	public void cut() {
		cut = true;
		for (Socket socket : open) {
			closeQuietly(socket);
		}
	}

	public void restore() {
		cut = false;
	}

	@Override
	public void close() {
		cut();
		closeQuietly(listener);
	}

	private void acceptLoop() {
		while (!listener.isClosed()) {
			try {
				Socket client = listener.accept();
				if (cut) {
					closeQuietly(client);
					continue;
				}
				Socket server = new Socket();
				try {
					server.connect(target, 5_000);
				} catch (IOException refused) {
					closeQuietly(client);
					continue;
				}
				open.add(client);
				open.add(server);
				pump(client, server);
				pump(server, client);
			} catch (IOException e) {
				// listener closed, or the target refused: the client's connection fails as it would
			}
		}
	}

	private void pump(Socket from, Socket to) {
		Thread thread = new Thread(() -> {
			byte[] buffer = new byte[16 * 1024];
			try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
				for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
					out.write(buffer, 0, n);
					out.flush();
				}
			} catch (IOException e) {
				// closed by the other side or by cut()
			} finally {
				closeQuietly(from);
				closeQuietly(to);
				open.remove(from);
				open.remove(to);
			}
		}, "proxy-pump");
		thread.setDaemon(true);
		thread.start();
	}

	private static void closeQuietly(AutoCloseable closeable) {
		try {
			closeable.close();
		} catch (Exception ignored) {
			// already closed
		}
	}
}
