package health.workwell.conformance;

import java.util.List;
import java.util.Optional;

/** The packages installed at start, for the validation, protection and CapabilityStatement rules. */
public class ImplementationGuidePackages {

	private volatile List<InstalledPackage> installed = List.of();

	void setInstalled(List<InstalledPackage> packages) {
		installed = List.copyOf(packages);
	}

	public List<InstalledPackage> installed() {
		return installed;
	}

	/** The installed package whose canonical base the URL falls under (version suffix ignored). */
	public Optional<InstalledPackage> owner(String canonicalUrl) {
		String url = withoutVersion(canonicalUrl);
		return installed.stream().filter(p -> p.owns(url)).findFirst();
	}

	static String withoutVersion(String canonicalUrl) {
		if (canonicalUrl == null) {
			return null;
		}
		int bar = canonicalUrl.indexOf('|');
		return bar < 0 ? canonicalUrl : canonicalUrl.substring(0, bar);
	}
}
