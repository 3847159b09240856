package health.workwell.assessment;

import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Task;
import org.hl7.fhir.r4.model.Type;

/**
 * One population run, kept as a FHIR {@code Task} so that it survives a restart and any node can take
 * it over (docs/assessment-inputs.md, "Population runs"): {@code instantiatesUri} names the operation,
 * {@code focus} the Organization or Group, {@code input} the operation's parameters; {@code output}
 * holds the progress (total, processed, the id of the last patient finished) and the counts so far;
 * {@code lastModified} is the running node's heartbeat.
 */
final class PopulationJob {

	static final String JOB_ID_SYSTEM = Codes.WORKWELL + "/NamingSystem/population-run";
	static final String TIER = Codes.WORKWELL + "/OperationDefinition/tier";
	static final String RISK_ASSESS = Codes.WORKWELL + "/OperationDefinition/risk-assess";
	static final int MAX_ERRORS_KEPT = 10;

	final Task task;

	PopulationJob(Task task) {
		this.task = task;
	}

	static PopulationJob start(String operation, Reference target, Map<String, List<Type>> parameters, Date now) {
		Task task = new Task();
		task.addIdentifier().setSystem(JOB_ID_SYSTEM).setValue(java.util.UUID.randomUUID().toString());
		task.setStatus(Task.TaskStatus.REQUESTED);
		task.setIntent(Task.TaskIntent.ORDER);
		task.setInstantiatesUri(operation);
		task.setDescription("Population run of " + operation.substring(operation.lastIndexOf('/') + 1) + " over "
				+ target.getReference());
		task.setFocus(target);
		task.setAuthoredOn(now);
		task.setLastModified(now);
		parameters.forEach((name, values) -> values.forEach(value -> task.addInput().setType(text(name)).setValue(value)));
		return new PopulationJob(task);
	}

	boolean isTier() {
		return TIER.equals(task.getInstantiatesUri());
	}

	String target() {
		return task.getFocus().getReference();
	}

	List<Type> input(String name) {
		List<Type> values = new ArrayList<>();
		task.getInput().stream().filter(i -> name.equals(i.getType().getText())).forEach(i -> values.add(i.getValue()));
		return values;
	}

	int count(String name) {
		Type value = output(name);
		return value instanceof IntegerType integer ? integer.getValue() : 0;
	}

	String cursor() {
		Type value = output("cursor");
		return value == null ? null : value.primitiveValue();
	}

	void add(String name, int delta) {
		set(name, new IntegerType(count(name) + delta));
	}

	void progress(int total, int processed, String cursor, Date now) {
		set("total", new IntegerType(total));
		set("processed", new IntegerType(processed));
		if (cursor != null) {
			set("cursor", new StringType(cursor));
		}
		task.setBusinessStatus(new CodeableConcept().setText(percent() + "%"));
		task.setLastModified(now);
	}

	void error(String message) {
		if (task.getOutput().stream().filter(o -> "error".equals(o.getType().getText())).count() < MAX_ERRORS_KEPT) {
			task.addOutput().setType(text("error")).setValue(new StringType(message));
		}
	}

	int percent() {
		int total = count("total");
		return total == 0 ? (task.getStatus() == Task.TaskStatus.COMPLETED ? 100 : 0) : (int) (100L * count("processed") / total);
	}

	/** The counts with a prefix ({@code tier:}, {@code model:}) by the name after it, in the order first counted. */
	Map<String, Integer> counts(String prefix) {
		Map<String, Integer> counts = new LinkedHashMap<>();
		task.getOutput().stream().filter(o -> o.getType().getText().startsWith(prefix))
				.forEach(o -> counts.put(o.getType().getText().substring(prefix.length()), ((IntegerType) o.getValue()).getValue()));
		return counts;
	}

	/** The final result the status endpoint answers once the run has completed. */
	Parameters result() {
		Parameters result = new Parameters();
		result.addParameter().setName("job").setValue(new Reference("Task/" + task.getIdElement().getIdPart()));
		result.addParameter().setName("target").setValue(new Reference(target()));
		for (String name : List.of("total", "processed", "skipped", "failed")) {
			result.addParameter().setName(name).setValue(new IntegerType(count(name)));
		}
		addCounts(result, "tier");
		addCounts(result, "model");
		task.getOutput().stream().filter(o -> "error".equals(o.getType().getText()))
				.forEach(o -> result.addParameter().setName("error").setValue(o.getValue().copy()));
		return result;
	}

	/** A parameter with a part per counted name; left out when nothing was counted (R4 inv-1: no empty parameter). */
	private void addCounts(Parameters result, String kind) {
		Map<String, Integer> counts = counts(kind + ":");
		if (!counts.isEmpty()) {
			Parameters.ParametersParameterComponent parameter = result.addParameter().setName(kind);
			counts.forEach((name, n) -> parameter.addPart().setName(name).setValue(new IntegerType(n)));
		}
	}

	private Type output(String name) {
		return task.getOutput().stream().filter(o -> name.equals(o.getType().getText())).map(Task.TaskOutputComponent::getValue)
				.findFirst().orElse(null);
	}

	private void set(String name, Type value) {
		task.getOutput().stream().filter(o -> name.equals(o.getType().getText())).findFirst()
				.ifPresentOrElse(o -> o.setValue(value), () -> task.addOutput().setType(text(name)).setValue(value));
	}

	private static CodeableConcept text(String name) {
		return new CodeableConcept().setText(name);
	}
}
