package health.workwell.server.limits;

import jakarta.servlet.ServletInputStream;
import java.io.IOException;
import java.util.zip.GZIPInputStream;

/**
 * A gzip request body decompressed as it is read, never as a whole: both the compressed and the
 * expanded bytes are held to the body limit, and the expanded bytes to {@code maxRatio} times the
 * compressed ones read so far, so a decompression bomb fails after a few kilobytes.
 */
final class GunzippedBody extends CountingBody {

	private final CountingBody compressed;
	private final int maxRatio;

	private GunzippedBody(GZIPInputStream expanded, CountingBody compressed, long maxBytes, int maxRatio) {
		super(expanded, compressed, maxBytes);
		this.compressed = compressed;
		this.maxRatio = maxRatio;
	}

	static GunzippedBody of(ServletInputStream raw, long maxBytes, int maxRatio) throws IOException {
		CountingBody compressed = new CountingBody(raw, maxBytes);
		return new GunzippedBody(new GZIPInputStream(compressed), compressed, maxBytes, maxRatio);
	}

	@Override
	protected void counted(int n) {
		super.counted(n);
		if (count() > (long) maxRatio * Math.max(compressed.count(), 1)) {
			throw BodyTooLargeException.expandsTooFar(maxRatio);
		}
	}
}
