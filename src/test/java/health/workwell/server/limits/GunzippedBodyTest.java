package health.workwell.server.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipException;
import org.junit.jupiter.api.Test;

class GunzippedBodyTest {

	@Test
	void anOrdinaryBodyIsDecompressed() throws IOException {
		byte[] json = "{\"resourceType\":\"Patient\"}".getBytes(StandardCharsets.UTF_8);

		assertThat(GunzippedBody.of(servlet(gzip(json, 1)), 1000, 100).readAllBytes()).isEqualTo(json);
	}

	@Test
	void expansionPastTheLimitStopsAtTheLimit() throws IOException {
		// random-ish text compresses little, so only the size limit can stop it
		byte[] text = new byte[64 * 1024];
		new java.util.Random(1).nextBytes(text);
		GunzippedBody body = GunzippedBody.of(servlet(gzip(text, 20)), 100_000, 1000);

		assertThatThrownBy(() -> drain(body)).isInstanceOf(BodyTooLargeException.class).hasMessageContaining("100000 bytes");
		assertThat(body.count()).as("never more than the limit plus one read").isLessThanOrEqualTo(100_000 + 8192);
	}

	@Test
	void aBombIsStoppedByTheRatioAfterAFewKilobytes() throws IOException {
		GunzippedBody body = GunzippedBody.of(servlet(gzip(new byte[1024 * 1024], 100)), Long.MAX_VALUE, 100);

		assertThatThrownBy(() -> drain(body)).isInstanceOf(BodyTooLargeException.class).hasMessageContaining("expands more than 100 times");
		assertThat(body.count()).isLessThan(1024 * 1024);
	}

	@Test
	void aBodyThatIsNotGzipIsAnIoError() {
		assertThatThrownBy(() -> drain(GunzippedBody.of(servlet("plain".getBytes(StandardCharsets.UTF_8)), 1000, 100)))
				.isInstanceOf(ZipException.class);
	}

	private static void drain(InputStream in) throws IOException {
		byte[] buffer = new byte[8192];
		while (in.read(buffer, 0, buffer.length) >= 0) {
			// read on
		}
	}

	private static byte[] gzip(byte[] chunk, int times) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
			for (int i = 0; i < times; i++) {
				out.write(chunk);
			}
		}
		return bytes.toByteArray();
	}

	private static ServletInputStream servlet(byte[] bytes) {
		ByteArrayInputStream in = new ByteArrayInputStream(bytes);
		return new ServletInputStream() {
			@Override
			public int read() {
				return in.read();
			}

			@Override
			public int read(byte[] b, int off, int len) {
				return in.read(b, off, len);
			}

			@Override
			public boolean isFinished() {
				return in.available() == 0;
			}

			@Override
			public boolean isReady() {
				return true;
			}

			@Override
			public void setReadListener(ReadListener listener) {}
		};
	}
}
