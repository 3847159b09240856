package health.workwell.conformance;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code workwell.conformance} (docs/configuration.md).
 *
 * @param packagesDir a folder of further implementation guide packages ({@code *.tgz}, FHIR NPM
 *     format) installed at start after WorkWell's own; a missing folder means none
 * @param rules which resources must conform to which profile even when they claim none
 * @param validateWrites whether writes are validated at all (on by default; off only to measure what
 *     validation costs, bench/device_ingest.py)
 */
@ConfigurationProperties("workwell.conformance")
public record ConformanceProperties(
		@DefaultValue("./data/packages") String packagesDir, @DefaultValue List<ProfileRule> rules,
		@DefaultValue("true") boolean validateWrites) {}
