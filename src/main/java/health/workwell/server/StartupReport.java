package health.workwell.server;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.boot.context.metrics.buffering.StartupTimeline.TimelineEvent;
import org.springframework.context.ApplicationListener;

/**
 * Where start-up time goes, for whoever tunes it: started with {@code -Dworkwell.startup-report=N}, the
 * server logs its N slowest start-up steps (bean creations, configuration parsing, repository proxies)
 * once it is ready, by the time each step took itself, without the steps it contains.
 */
public final class StartupReport implements ApplicationListener<ApplicationReadyEvent> {

	private static final Logger log = LoggerFactory.getLogger(StartupReport.class);
	private static final String PROPERTY = "workwell.startup-report";

	private final BufferingApplicationStartup steps = new BufferingApplicationStartup(50_000);
	private final int shown;

	private StartupReport(int shown) {
		this.shown = shown;
	}

	/** Records the start-up steps of this application when the system property asks for a report. */
	public static void attachIfRequested(SpringApplication application) {
		int shown = Integer.getInteger(PROPERTY, 0);
		if (shown > 0) {
			StartupReport report = new StartupReport(shown);
			application.setApplicationStartup(report.steps);
			application.addListeners(report);
		}
	}

	@Override
	public void onApplicationEvent(ApplicationReadyEvent ready) {
		List<TimelineEvent> events = steps.getBufferedTimeline().getEvents();
		Map<Long, Duration> inChildren = events.stream()
				.filter(event -> event.getStartupStep().getParentId() != null)
				.collect(Collectors.toMap(
						event -> event.getStartupStep().getParentId(), TimelineEvent::getDuration, Duration::plus));
		Comparator<TimelineEvent> bySelfTime = Comparator.comparing(event -> selfTime(event, inChildren));
		log.info("Start-up took {} ms; its {} slowest steps by their own time:", ready.getTimeTaken().toMillis(), shown);
		events.stream().sorted(bySelfTime.reversed()).limit(shown).forEach(event -> log.info(
				"{} ms (with inner steps {} ms) {} {}",
				selfTime(event, inChildren).toMillis(),
				event.getDuration().toMillis(),
				event.getStartupStep().getName(),
				describe(event)));
	}

	private static Duration selfTime(TimelineEvent event, Map<Long, Duration> inChildren) {
		return event.getDuration().minus(inChildren.getOrDefault(event.getStartupStep().getId(), Duration.ZERO));
	}

	private static String describe(TimelineEvent event) {
		StringBuilder tags = new StringBuilder();
		event.getStartupStep().getTags().forEach(tag -> tags.append(tag.getKey()).append('=').append(tag.getValue()).append(' '));
		return tags.toString().trim();
	}
}
