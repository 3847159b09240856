package health.workwell.assessment;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.api.dao.IFhirResourceDao;
import ca.uhn.fhir.jpa.api.dao.IFhirSystemDao;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import ca.uhn.fhir.rest.server.exceptions.ResourceVersionConflictException;
import health.workwell.scoring.composite.CompositeIndex;
import health.workwell.server.WorkWellProperties;
import jakarta.annotation.PreDestroy;
import java.time.LocalDate;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Meta;
import org.hl7.fhir.r4.model.RiskAssessment;
import org.hl7.fhir.r4.model.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Runs population jobs ({@link PopulationJob}) one at a time on a background thread of each node: a
 * new job as soon as it is kicked off, and every poll interval any job that is waiting or whose node
 * stopped reporting (a restart, a crash). A job is claimed by a version-checked update of its Task, so
 * only one node runs it; it advances in chunks of patients, each chunk one transaction, and records the
 * last patient finished after each chunk, so a job taken over resumes there instead of starting again.
 * Writing is idempotent (conditional updates, unchanged plans not rewritten), so a chunk that was
 * committed but not yet recorded is simply done again.
 */
@Component
public class PopulationRunner {

	private static final Logger LOG = LoggerFactory.getLogger(PopulationRunner.class);

	private final DaoRegistry daos;
	private final IFhirSystemDao<Bundle, Meta> systemDao;
	private final RiskAssessOperation riskAssess;
	private final WorkWellProperties.Population settings;
	private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(runnable -> {
		Thread thread = new Thread(runnable, "population-runner");
		thread.setDaemon(true);
		return thread;
	});

	public PopulationRunner(DaoRegistry daos, IFhirSystemDao<Bundle, Meta> systemDao, RiskAssessOperation riskAssess,
			WorkWellProperties properties) {
		this.daos = daos;
		this.systemDao = systemDao;
		this.riskAssess = riskAssess;
		this.settings = properties.population();
	}

	@EventListener(ApplicationReadyEvent.class)
	void start() {
		worker.scheduleWithFixedDelay(this::runWaitingJobs, 0, settings.pollIntervalMillis(), TimeUnit.MILLISECONDS);
	}

	@PreDestroy
	void stop() {
		worker.shutdownNow();
	}

	/** Starts a job just kicked off without waiting for the next poll. */
	void wake() {
		worker.execute(this::runWaitingJobs);
	}

	private void runWaitingJobs() {
		try {
			for (Task candidate : waitingJobs()) {
				claim(new PopulationJob(candidate)).ifPresent(this::runOrFail);
			}
		} catch (RuntimeException e) {
			LOG.warn("Population runner: {}", e.toString(), e);
		}
	}

	private List<Task> waitingJobs() {
		SearchParameterMap search = SearchParameterMap.newSynchronous("identifier", new TokenParam(PopulationJob.JOB_ID_SYSTEM, null));
		search.add("status", new TokenOrListParam().addOr(new TokenParam("requested")).addOr(new TokenParam("in-progress")));
		long abandonedBefore = System.currentTimeMillis() - settings.leaseMillis();
		return tasks().searchForResources(search, system()).stream()
				.filter(task -> task.getStatus() == Task.TaskStatus.REQUESTED
						|| task.getLastModified() == null || task.getLastModified().getTime() < abandonedBefore)
				.sorted(java.util.Comparator.comparing(Task::getAuthoredOn, java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder())))
				.toList();
	}

	private Optional<PopulationJob> claim(PopulationJob job) {
		job.task.setStatus(Task.TaskStatus.INPROGRESS);
		job.task.setLastModified(new Date());
		return save(job) ? Optional.of(job) : Optional.empty();
	}

	/** A run that cannot go on (its target deleted, a failure beyond one patient) ends as failed, not retried for ever. */
	private void runOrFail(PopulationJob job) {
		try {
			run(job);
		} catch (RuntimeException e) {
			LOG.warn("Population run {} failed", job.task.getIdElement().getIdPart(), e);
			job.error(e.getMessage() == null ? e.toString() : e.getMessage());
			job.task.setStatus(Task.TaskStatus.FAILED);
			save(job);
		}
	}

	private void run(PopulationJob job) {
		LOG.info("Population run {}: {} from patient after {}", job.task.getIdElement().getIdPart(), job.task.getDescription(), job.cursor());
		List<String> members;
		try {
			members = PopulationMembers.of(daos, new IdType(job.target()), system());
		} catch (ResourceNotFoundException | ResourceGoneException e) {
			throw new ResourceNotFoundException(job.target() + " no longer exists");
		}
		int next = job.cursor() == null ? 0 : -Collections.binarySearch(members, job.cursor() + "\u0000") - 1;
		// $risk-assess writes patient by patient: smaller chunks keep the heartbeat well inside the lease
		int chunkSize = job.isTier() ? settings.chunkSize() : Math.max(1, settings.chunkSize() / 10);
		for (int start = next; start < members.size(); start += chunkSize) {
			List<String> chunk = members.subList(start, Math.min(members.size(), start + chunkSize));
			if (job.isTier()) {
				tierChunk(job, chunk);
			} else {
				riskAssessChunk(job, chunk);
			}
			job.progress(members.size(), job.count("processed") + chunk.size(), chunk.get(chunk.size() - 1), new Date());
			if (!save(job)) {
				LOG.info("Population run {} was cancelled or taken over", job.task.getIdElement().getIdPart());
				return;
			}
		}
		job.progress(members.size(), job.count("processed"), job.cursor(), new Date());
		job.task.setStatus(Task.TaskStatus.COMPLETED);
		job.task.setBusinessStatus(new org.hl7.fhir.r4.model.CodeableConcept().setText("100%"));
		save(job);
	}

	/** $tier for a chunk: one read per kind for all its patients, one transaction for all their plans. */
	private void tierChunk(PopulationJob job, List<String> chunk) {
		Date now = new Date();
		TierInputs inputs = TierInputs.read(daos, chunk, system());
		List<TierPlan> plans = new java.util.ArrayList<>();
		for (String patient : chunk) {
			try {
				TierPlan.of(patient, inputs, now).ifPresentOrElse(plans::add, () -> job.add("skipped", 1));
			} catch (RuntimeException e) {
				failed(job, patient, e);
			}
		}
		Bundle transaction = new Bundle().setType(Bundle.BundleType.TRANSACTION);
		plans.forEach(plan -> plan.addTo(transaction));
		try {
			if (transaction.hasEntry()) {
				ConditionalWrites.commit(systemDao, system(), transaction);
			}
			plans.forEach(plan -> job.add("tier:" + TierPlan.code(plan.tier.name()), 1));
		} catch (RuntimeException e) {
			// one patient's plan spoils the chunk's transaction: write them one by one to find it
			for (TierPlan plan : plans) {
				Bundle single = new Bundle().setType(Bundle.BundleType.TRANSACTION);
				plan.addTo(single);
				try {
					if (single.hasEntry()) {
						ConditionalWrites.commit(systemDao, system(), single);
					}
					job.add("tier:" + TierPlan.code(plan.tier.name()), 1);
				} catch (RuntimeException failure) {
					failed(job, plan.patientId, failure);
				}
			}
		}
	}

	/** $risk-assess for a chunk: each patient read, scored and stored in a transaction of its own. */
	private void riskAssessChunk(PopulationJob job, List<String> chunk) {
		LocalDate date = RiskAssessOperation.assessmentDate((DateType) job.input("date").stream().findFirst().orElse(null));
		Set<String> models = RiskAssessOperation.selectedModels(job.input("model").stream().map(CodeType.class::cast).toList());
		for (String patient : chunk) {
			try {
				RiskAssessmentRun run = riskAssess.assess(new IdType("Patient", patient), date, models, true, system());
				Set<String> computed = new LinkedHashSet<>();
				run.assessments.forEach(assessment -> computed.add(assessment.getMethod().getCodingFirstRep().getCode()));
				if (run.compositeAssessment != null) {
					computed.add(CompositeIndex.MODEL.code());
					job.add("tier:" + tierOf(run.compositeAssessment), 1);
				}
				computed.forEach(model -> job.add("model:" + model, 1));
			} catch (RuntimeException e) {
				failed(job, patient, e);
			}
		}
	}

	private static String tierOf(RiskAssessment composite) {
		return composite.getPredictionFirstRep().getQualitativeRisk().getCodingFirstRep().getCode().toLowerCase(Locale.ROOT);
	}

	/** A patient whose run failed is counted and named, and the run goes on: one bad record must not stop an enterprise's run. */
	private static void failed(PopulationJob job, String patient, RuntimeException e) {
		if (!(e instanceof BaseServerResponseException)) {
			LOG.warn("Population run {}: Patient/{} failed", job.task.getIdElement().getIdPart(), patient, e);
		}
		job.add("failed", 1);
		job.error("Patient/" + patient + ": " + (e.getMessage() == null ? e.toString() : e.getMessage()));
	}

	/** Stores the job's Task if nobody changed it since it was read; false when somebody did (a cancel, another node). */
	private boolean save(PopulationJob job) {
		try {
			// the version makes the update conditional (HAPI refuses a stale one)
			job.task.setId(job.task.getIdElement().toUnqualifiedVersionless().withVersion(job.task.getMeta().getVersionId()));
			var outcome = tasks().update(job.task, system());
			job.task.setId(outcome.getId());
			job.task.getMeta().setVersionId(outcome.getId().getVersionIdPart());
			return true;
		} catch (ResourceVersionConflictException e) {
			return false;
		}
	}

	private IFhirResourceDao<Task> tasks() {
		return daos.getResourceDao(Task.class);
	}

	private static RequestDetails system() {
		return new SystemRequestDetails();
	}

}
