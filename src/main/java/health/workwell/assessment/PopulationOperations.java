package health.workwell.assessment;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.model.api.annotation.Description;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OperationParam;
import ca.uhn.fhir.rest.api.RequestTypeEnum;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.server.exceptions.InternalErrorException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import ca.uhn.fhir.rest.server.exceptions.ResourceVersionConflictException;
import ca.uhn.fhir.rest.server.servlet.ServletRequestDetails;
import health.workwell.server.WorkWellProperties;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Task;
import org.hl7.fhir.r4.model.Type;
import org.springframework.stereotype.Component;

/**
 * Population runs of {@code $risk-assess} and {@code $tier} over an enterprise
 * ({@code Organization/{id}}, with its departments) or a {@code Group/{id}}, with the asynchronous
 * request pattern of FHIR Bulk Data: the kick-off needs {@code Prefer: respond-async} and answers 202
 * with a status URL in {@code Content-Location}; polling it answers 202 with {@code X-Progress} while
 * the run goes on, 200 with the counts per tier and per model when it is done; DELETE cancels.
 */
@Component
public class PopulationOperations {

	static final String STATUS_OPERATION = "$population-status";

	private final DaoRegistry daos;
	private final PopulationRunner runner;
	private final SmallPopulationSuppression smallPopulations;

	public PopulationOperations(DaoRegistry daos, PopulationRunner runner, WorkWellProperties properties) {
		this.daos = daos;
		this.runner = runner;
		this.smallPopulations = new SmallPopulationSuppression(properties.population().minReportedSize());
	}

	@Operation(name = "$tier", typeName = "Organization", manualResponse = true)
	@Description(shortDefinition = "Set the tier and plan of every employee of the enterprise and its departments (asynchronous)")
	public void organizationTier(@IdParam IdType id, ServletRequestDetails request) {
		kickOff(PopulationJob.TIER, new IdType("Organization", id.getIdPart()), Map.of(), request);
	}

	@Operation(name = "$tier", typeName = "Group", manualResponse = true)
	@Description(shortDefinition = "Set the tier and plan of every patient in the group (asynchronous)")
	public void groupTier(@IdParam IdType id, ServletRequestDetails request) {
		kickOff(PopulationJob.TIER, new IdType("Group", id.getIdPart()), Map.of(), request);
	}

	@Operation(name = "$risk-assess", typeName = "Organization", manualResponse = true)
	@Description(shortDefinition = "Run the risk models on every employee of the enterprise and its departments (asynchronous)")
	public void organizationRiskAssess(@IdParam IdType id,
			@OperationParam(name = "date", max = 1) DateType date,
			@OperationParam(name = "model", max = OperationParam.MAX_UNLIMITED) List<CodeType> models,
			ServletRequestDetails request) {
		kickOff(PopulationJob.RISK_ASSESS, new IdType("Organization", id.getIdPart()), riskAssessInputs(date, models), request);
	}

	@Operation(name = "$risk-assess", typeName = "Group", manualResponse = true)
	@Description(shortDefinition = "Run the risk models on every patient in the group (asynchronous)")
	public void groupRiskAssess(@IdParam IdType id,
			@OperationParam(name = "date", max = 1) DateType date,
			@OperationParam(name = "model", max = OperationParam.MAX_UNLIMITED) List<CodeType> models,
			ServletRequestDetails request) {
		kickOff(PopulationJob.RISK_ASSESS, new IdType("Group", id.getIdPart()), riskAssessInputs(date, models), request);
	}

	/** The status URL of a population run: 202 while it runs, 200 with the result, DELETE cancels. */
	@Operation(name = STATUS_OPERATION, manualResponse = true, idempotent = true, deleteEnabled = true)
	@Description(shortDefinition = "Progress or result of a population run; DELETE cancels it")
	public void status(@OperationParam(name = "_jobId", min = 1, max = 1) StringType jobId, ServletRequestDetails request) {
		PopulationJob job = find(jobId == null ? null : jobId.getValue());
		if (request.getRequestType() == RequestTypeEnum.DELETE) {
			cancel(job, request);
			return;
		}
		switch (job.task.getStatus()) {
			case REQUESTED, INPROGRESS -> {
				HttpServletResponse response = request.getServletResponse();
				response.setHeader("X-Progress", job.percent() + "% (" + job.count("processed") + " of " + job.count("total") + " patients)");
				response.setHeader("Retry-After", "2");
				write(request, 202, information("The population run is in progress: " + job.percent() + "%"));
			}
			case COMPLETED -> write(request, 200, smallPopulations.resultFor(job));
			case FAILED -> throw new InternalErrorException("The population run failed: " + String.join("; ", errors(job)));
			default -> throw notFound(jobId.getValue());
		}
	}

	private void kickOff(String operation, IdType target, Map<String, List<Type>> inputs, ServletRequestDetails request) {
		String prefer = request.getHeader("Prefer");
		if (prefer == null || !prefer.contains("respond-async")) {
			throw new InvalidRequestException("A population run is asynchronous: send the header 'Prefer: respond-async' "
					+ "(FHIR asynchronous request pattern); poll the URL in Content-Location for its progress and result");
		}
		daos.getResourceDao(target.getResourceType()).read(target, request);
		PopulationJob job = PopulationJob.start(operation, new Reference(target.getValue()), inputs, new Date());
		IdType id = (IdType) daos.getResourceDao(Task.class).create(job.task, new SystemRequestDetails()).getId();
		runner.wake();
		request.getServletResponse().setHeader("Content-Location",
				request.getFhirServerBase() + "/" + STATUS_OPERATION + "?_jobId=" + id.getIdPart());
		write(request, 202, information("Accepted: " + job.task.getDescription()));
	}

	private static Map<String, List<Type>> riskAssessInputs(DateType date, List<CodeType> models) {
		RiskAssessOperation.selectedModels(models); // refuses an unknown model now, not in the background
		Map<String, List<Type>> inputs = new LinkedHashMap<>();
		if (date != null && date.getValue() != null) {
			inputs.put("date", List.of(date));
		}
		if (models != null && !models.isEmpty()) {
			inputs.put("model", List.copyOf(models));
		}
		return inputs;
	}

	private PopulationJob find(String jobId) {
		if (jobId == null || jobId.isBlank()) {
			throw new InvalidRequestException("The parameter _jobId is required");
		}
		Task task;
		try {
			task = daos.getResourceDao(Task.class).read(new IdType("Task", jobId), new SystemRequestDetails());
		} catch (ResourceNotFoundException | ca.uhn.fhir.rest.server.exceptions.ResourceGoneException e) {
			throw notFound(jobId);
		}
		if (task.getIdentifier().stream().noneMatch(i -> PopulationJob.JOB_ID_SYSTEM.equals(i.getSystem()))) {
			throw notFound(jobId);
		}
		return new PopulationJob(task);
	}

	/** Bulk Data: a DELETE on the status URL cancels; 202, and later polls answer 404. */
	private void cancel(PopulationJob job, ServletRequestDetails request) {
		for (int attempt = 0; ; attempt++) {
			Task.TaskStatus status = job.task.getStatus();
			if (status != Task.TaskStatus.REQUESTED && status != Task.TaskStatus.INPROGRESS) {
				throw notFound(job.task.getIdElement().getIdPart());
			}
			job.task.setStatus(Task.TaskStatus.CANCELLED);
			try {
				job.task.setId(job.task.getIdElement().toUnqualifiedVersionless().withVersion(job.task.getMeta().getVersionId()));
				daos.getResourceDao(Task.class).update(job.task, new SystemRequestDetails());
				write(request, 202, information("The population run is cancelled"));
				return;
			} catch (ResourceVersionConflictException e) {
				if (attempt >= 10) {
					throw e;
				}
				job = find(job.task.getIdElement().getIdPart()); // the runner reported progress meanwhile
			}
		}
	}

	private static List<String> errors(PopulationJob job) {
		return job.task.getOutput().stream().filter(o -> "error".equals(o.getType().getText()))
				.map(o -> o.getValue().primitiveValue()).toList();
	}

	private static ResourceNotFoundException notFound(String jobId) {
		return new ResourceNotFoundException("No population run " + jobId + " (unknown, cancelled or expired)");
	}

	private static OperationOutcome information(String message) {
		OperationOutcome outcome = new OperationOutcome();
		outcome.addIssue().setSeverity(OperationOutcome.IssueSeverity.INFORMATION).setCode(OperationOutcome.IssueType.INFORMATIONAL)
				.setDiagnostics(message);
		return outcome;
	}

	private static void write(ServletRequestDetails request, int status, IBaseResource body) {
		HttpServletResponse response = request.getServletResponse();
		response.setStatus(status);
		response.setContentType("application/fhir+json;charset=UTF-8");
		try {
			response.getWriter().write(request.getFhirContext().newJsonParser().encodeResourceToString(body));
			response.getWriter().close();
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
