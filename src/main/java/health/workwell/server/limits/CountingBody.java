package health.workwell.server.limits;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A request body counted as it is read: past {@code maxBytes} the read fails with
 * {@link BodyTooLargeException} (which HAPI answers 413), so no more than the limit is ever taken in.
 */
class CountingBody extends ServletInputStream {

	private final InputStream delegate;
	private final ServletInputStream servletStream;
	private final long maxBytes;
	private long count;

	CountingBody(ServletInputStream delegate, long maxBytes) {
		this(delegate, delegate, maxBytes);
	}

	/** {@code servletStream} answers the non-blocking questions for a stream decoded from it. */
	CountingBody(InputStream delegate, ServletInputStream servletStream, long maxBytes) {
		this.delegate = delegate;
		this.servletStream = servletStream;
		this.maxBytes = maxBytes;
	}

	long count() {
		return count;
	}

	@Override
	public int read() throws IOException {
		int b = delegate.read();
		if (b >= 0) {
			counted(1);
		}
		return b;
	}

	@Override
	public int read(byte[] buffer, int offset, int length) throws IOException {
		int n = delegate.read(buffer, offset, length);
		if (n > 0) {
			counted(n);
		}
		return n;
	}

	/** Called with each chunk taken in; a subclass may refuse more than the size. */
	protected void counted(int n) {
		count += n;
		if (count > maxBytes) {
			throw new BodyTooLargeException(maxBytes);
		}
	}

	@Override
	public void close() throws IOException {
		delegate.close();
	}

	@Override
	public boolean isFinished() {
		return servletStream.isFinished();
	}

	@Override
	public boolean isReady() {
		return servletStream.isReady();
	}

	@Override
	public void setReadListener(ReadListener listener) {
		servletStream.setReadListener(listener);
	}
}
