package health.workwell.devices;

import static health.workwell.devices.DeviceReadings.bloodPressure;
import static health.workwell.devices.DeviceReadings.bodyWeight;
import static health.workwell.devices.DeviceReadings.conditionalCreates;
import static health.workwell.devices.DeviceReadings.heartRate;
import static health.workwell.devices.DeviceReadings.homeBloodPressure;
import static health.workwell.devices.DeviceReadings.oxygenSaturation;
import static health.workwell.devices.DeviceReadings.restingHeartRate;
import static health.workwell.devices.DeviceReadings.sleep;
import static health.workwell.devices.DeviceReadings.steps;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import health.workwell.testsupport.ConformanceAssertions;
import health.workwell.testsupport.FhirClients;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.DetectedIssue;
import org.hl7.fhir.r4.model.Device;
import org.hl7.fhir.r4.model.Flag;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Device data end to end over HTTP (issue 6): readings from several devices and patients, with
 * duplicates, out-of-order arrivals and implausible values, give exactly the stored readings,
 * DetectedIssues, alert Flags and Tasks expected; searches, {@code $lastn} and the alert windows follow
 * device time. Default thresholds (docs/devices.md): 140/90 mmHg (home 135/85) on 3 consecutive days,
 * sleep under 4 h, resting heart rate outside 50-100 /min on 3 consecutive days, SpO2 under 90 %.
 */
abstract class DeviceDataContract {

	static final String ALERT = "http://workwell.health/fhir/CodeSystem/alert";

	@LocalServerPort
	int port;

	@Autowired
	SilentDevices silentDevices;

	IGenericClient client;
	String patient;
	String practitionerTeam;

	@BeforeEach
	void anEmployeeWithACareTeam() {
		client = FhirClients.client(port);
		patient = create(new Patient().addIdentifier(new org.hl7.fhir.r4.model.Identifier()
				.setSystem("urn:workwell:test").setValue(UUID.randomUUID().toString())));
		CareTeam team = new CareTeam().setStatus(CareTeam.CareTeamStatus.ACTIVE).setSubject(new Reference("Patient/" + patient));
		practitionerTeam = "CareTeam/" + create(team);
	}

	@Test
	void aWeekOfBloodPressureWithDuplicatesAndLateReadingsRaisesOneAlertAndClosesIt() {
		String cuff = create(DeviceReadings.device("bp-monitor", patient));
		List<Observation> week = new ArrayList<>(List.of(
				bloodPressure(patient, cuff, "2026-11-02T07:30:00+08:00", 124, 80),
				bloodPressure(patient, cuff, "2026-11-03T07:30:00+08:00", 128, 82),
				bloodPressure(patient, cuff, "2026-11-04T07:30:00+08:00", 150, 96),
				bloodPressure(patient, cuff, "2026-11-04T21:00:00+08:00", 146, 92),
				bloodPressure(patient, cuff, "2026-11-05T07:30:00+08:00", 145, 91),
				bloodPressure(patient, cuff, "2026-11-06T07:30:00+08:00", 152, 88)));
		Collections.shuffle(week, new Random(6));
		week.add(week.get(0).copy()); // the gateway sends one twice in the same upload
		client.transaction().withBundle(conditionalCreates(Bundle.BundleType.TRANSACTION, week.toArray(Observation[]::new))).execute();

		assertThat(readings("85354-9")).as("six distinct readings, the duplicate found the stored one").hasSize(6);
		Flag flag = activeFlag("sustained-high-bp");
		assertThat(flag.getCode().getText()).contains("2026-11-04", "2026-11-05", "2026-11-06");
		assertThat(flag.getExtension()).as("evidence: the 4 readings of the 3 high days").hasSize(4);
		ConformanceAssertions.assertConforms(port, flag);
		Task task = onlyTask(flag);
		assertThat(task.getStatus()).isEqualTo(Task.TaskStatus.REQUESTED);
		assertThat(task.getOwner().getReference()).isEqualTo(practitionerTeam);

		// the gateway retries the whole upload, and a reading of an earlier day arrives late
		client.transaction().withBundle(conditionalCreates(Bundle.BundleType.TRANSACTION, week.toArray(Observation[]::new))).execute();
		client.transaction().withBundle(conditionalCreates(Bundle.BundleType.BATCH,
				bloodPressure(patient, cuff, "2026-11-03T20:00:00+08:00", 160, 99))).execute();
		assertThat(readings("85354-9")).hasSize(7);
		assertThat(flags("sustained-high-bp")).as("still one alert").hasSize(1);
		onlyTask(flag);

		// searches and $lastn follow device time, not arrival
		assertThat(readings("85354-9").stream().map(o -> o.getEffectiveDateTimeType().getValueAsString()).toList())
				.as("default order: device time, oldest first").isSorted();
		Bundle lastN = client.search().byUrl(FhirClients.baseUrl(port) + "/Observation/$lastn?max=1&subject=Patient/" + patient
				+ "&code=http://loinc.org|85354-9").returnBundle(Bundle.class).execute();
		assertThat(((Observation) lastN.getEntryFirstRep().getResource()).getEffectiveDateTimeType().getValueAsString())
				.isEqualTo("2026-11-06T07:30:00+08:00");

		// a normal day closes the alert and cancels the task no one had started
		client.create().resource(bloodPressure(patient, cuff, "2026-11-07T07:30:00+08:00", 126, 79)).execute();
		Flag closed = client.read().resource(Flag.class).withId(flag.getIdElement().getIdPart()).execute();
		assertThat(closed.getStatus()).isEqualTo(Flag.FlagStatus.INACTIVE);
		assertThat(closed.getPeriod().hasEnd()).isTrue();
		assertThat(onlyTask(flag).getStatus()).isEqualTo(Task.TaskStatus.CANCELLED);
	}

	@Test
	void homeReadingsUseTheHomeThreshold() {
		String cuff = create(DeviceReadings.device("bp-monitor", patient));
		client.transaction().withBundle(conditionalCreates(Bundle.BundleType.TRANSACTION,
				homeBloodPressure(patient, cuff, "2026-11-02T07:00:00+08:00", 137, 84),
				homeBloodPressure(patient, cuff, "2026-11-03T07:00:00+08:00", 134, 86),
				homeBloodPressure(patient, cuff, "2026-11-04T07:00:00+08:00", 136, 80))).execute();
		assertThat(activeFlag("sustained-high-bp").getCode().getText()).contains("home");
	}

	@Test
	void officeReadingsBelow140Over90RaiseNothing() {
		String cuff = create(DeviceReadings.device("bp-monitor", patient));
		client.transaction().withBundle(conditionalCreates(Bundle.BundleType.TRANSACTION,
				bloodPressure(patient, cuff, "2026-11-02T07:00:00+08:00", 137, 84),
				bloodPressure(patient, cuff, "2026-11-03T07:00:00+08:00", 139, 89),
				bloodPressure(patient, cuff, "2026-11-04T07:00:00+08:00", 136, 80))).execute();
		assertThat(flags("sustained-high-bp")).isEmpty();
	}

	@Test
	void implausibleReadingsAreKeptMarkedReportedAndIgnoredByAlerts() {
		String band = create(DeviceReadings.device("fitness-band", patient));
		client.transaction().withBundle(conditionalCreates(Bundle.BundleType.BATCH,
				oxygenSaturation(patient, band, "2026-11-02T03:00:00+08:00", 97),
				oxygenSaturation(patient, band, "2026-11-03T03:00:00+08:00", 88),
				oxygenSaturation(patient, band, "2026-11-04T03:00:00+08:00", 104),
				heartRate(patient, band, "2026-11-04T10:00:00+08:00", 0),
				steps(patient, band, "2026-11-04T00:00:00+08:00", "2026-11-04T23:59:59+08:00", -20))).execute();

		List<Observation> spo2 = readings("2708-6");
		assertThat(spo2).hasSize(3);
		Observation implausible = spo2.get(2);
		assertThat(ReadingQuality.isQuestionable(implausible)).isTrue();
		assertThat(implausible.getInterpretationFirstRep().getText()).contains("104");
		assertThat(ReadingQuality.isQuestionable(spo2.get(1))).isFalse();

		List<DetectedIssue> issues = detectedIssues();
		assertThat(issues).as("SpO2 104 %, heart rate 0, negative steps").hasSize(3);
		DetectedIssue spo2Issue = issues.stream()
				.filter(i -> i.getImplicated().stream().anyMatch(r -> r.getReference().equals(implausible.getIdElement().toUnqualifiedVersionless().getValue())))
				.findFirst().orElseThrow();
		assertThat(spo2Issue.getImplicated()).extracting(Reference::getReference).contains("Device/" + band);
		assertThat(spo2Issue.getPatient().getReference()).isEqualTo("Patient/" + patient);
		assertThat(spo2Issue.getDetail()).contains("SpO2 104");

		// the newest plausible SpO2 is 88 %: the implausible 104 % neither counts nor clears it
		assertThat(activeFlag("low-oxygen-saturation").getCode().getText()).contains("88");
	}

	@Test
	void shortSleepAndAPersistentlyLowRestingHeartRateRaiseAlerts() {
		String band = create(DeviceReadings.device("fitness-band", patient));
		client.transaction().withBundle(conditionalCreates(Bundle.BundleType.TRANSACTION,
				sleep(patient, band, "2026-11-02T23:00:00+08:00", "2026-11-03T06:30:00+08:00", 7.5),
				sleep(patient, band, "2026-11-04T02:00:00+08:00", "2026-11-04T05:30:00+08:00", 3.5),
				restingHeartRate(patient, band, "2026-11-02T12:00:00+08:00", 46),
				restingHeartRate(patient, band, "2026-11-03T12:00:00+08:00", 44),
				restingHeartRate(patient, band, "2026-11-04T12:00:00+08:00", 47),
				heartRate(patient, band, "2026-11-04T12:05:00+08:00", 120))).execute();
		assertThat(activeFlag("short-sleep").getCode().getText()).contains("3.5 h", "2026-11-04");
		assertThat(activeFlag("abnormal-resting-heart-rate").getCode().getText()).contains("44", "46", "47");
	}

	@Test
	void aDeviceThatStopsSendingRaisesAnAlertUntilItSendsAgain() {
		String scale = create(DeviceReadings.device("weight-scale", patient));
		DateTimeFormatter format = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(8)).withNano(0);
		client.create().resource(bodyWeight(patient, scale, now.minusDays(10).format(format), 70)).execute();
		silentDevices.checkAll();
		Flag silent = activeFlag("device-silent");
		assertThat(silent.getExtension()).extracting(e -> ((Reference) e.getValue()).getReference()).contains("Device/" + scale);

		client.create().resource(bodyWeight(patient, scale, now.format(format), 70.4)).execute();
		assertThat(flags("device-silent")).singleElement().extracting(Flag::getStatus).isEqualTo(Flag.FlagStatus.INACTIVE);
	}

	@Test
	void aReadingThatBreaksItsProfileIsRefusedWithTheElementNamed() {
		String cuff = create(DeviceReadings.device("bp-monitor", patient));
		Observation noDiastolic = bloodPressure(patient, cuff, "2026-11-02T07:30:00+08:00", 124, 80);
		noDiastolic.getComponent().remove(1);
		assertThatThrownBy(() -> client.create().resource(noDiastolic).execute())
				.isInstanceOfSatisfying(UnprocessableEntityException.class, refused -> assertThat(
						FhirClients.R4.newJsonParser().encodeResourceToString(refused.getOperationOutcome()))
						.contains("Observation.component", "DiastolicBP"));
		assertThat(readings("85354-9")).isEmpty();
	}

	@Test
	void aDeviceRegisteredTwiceIsStoredOnce() {
		Device device = DeviceReadings.device("glucometer", patient);
		String condition = "identifier=" + device.getIdentifierFirstRep().getSystem() + "|" + device.getIdentifierFirstRep().getValue();
		var first = client.create().resource(device).conditionalByUrl("Device?" + condition).execute();
		var second = client.create().resource(device).conditionalByUrl("Device?" + condition).execute();
		assertThat(first.getCreated()).isTrue();
		assertThat(second.getCreated()).isNotEqualTo(Boolean.TRUE);
		assertThat(second.getId().getIdPart()).isEqualTo(first.getId().getIdPart());
	}

	@Test
	void eightGatewaysPostingOverlappingBundlesAtOnceStoreEachReadingOnce() throws Exception {
		String cuff = create(DeviceReadings.device("bp-monitor", patient));
		List<Observation> readings = new ArrayList<>();
		for (int i = 0; i < 40; i++) {
			readings.add(bloodPressure(patient, cuff, String.format("2026-11-%02dT%02d:00:00+08:00", 1 + i / 4, 6 + (i % 4) * 4), 120 + i % 7, 80));
		}
		var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
		List<java.util.concurrent.Future<Integer>> uploads = new ArrayList<>();
		for (int gateway = 0; gateway < 8; gateway++) {
			int first = gateway * 5;
			uploads.add(pool.submit(() -> {
				IGenericClient own = FhirClients.client(port);
				List<Observation> overlapping = new ArrayList<>();
				for (int i = 0; i < 20; i++) {
					overlapping.add(readings.get((first + i) % readings.size()).copy());
				}
				int attempts = 0;
				for (int upload = 0; upload < 2; upload++) { // every gateway also re-sends its upload once
					while (true) {
						attempts++;
						try {
							own.transaction().withBundle(conditionalCreates(Bundle.BundleType.TRANSACTION,
									overlapping.toArray(Observation[]::new))).execute();
							break;
						} catch (ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException refused) {
							assertThat(attempts).as("gave up after retries: " + refused.getMessage()).isLessThan(6);
						}
					}
				}
				return attempts;
			}));
		}
		int attempts = 0;
		for (var upload : uploads) {
			attempts += upload.get(5, java.util.concurrent.TimeUnit.MINUTES);
		}
		pool.shutdown();
		List<Observation> stored = readings("85354-9");
		assertThat(stored).as("every reading once (" + attempts + " uploads for 16)").hasSize(40);
		assertThat(stored.stream().map(o -> o.getIdentifierFirstRep().getValue()).distinct()).hasSize(40);
	}

	@Test
	void subscribersAreToldOfNewReadingsAndAlertsAndDeliveriesAreRetried() throws Exception {
		try (SubscriberStub subscriber = SubscriberStub.failingFirst(2)) {
			subscribe("Observation?code=http://loinc.org|85354-9&subject=Patient/" + patient, subscriber.url("readings"));
			// R4 Flag has no code or status search parameter: alert Flags carry their kind in the identifier
			subscribe("Flag?identifier=" + AlertFlags.FLAG_IDENTIFIER_SYSTEM + "|" + patient + "|sustained-high-bp", subscriber.url("alerts"));
			String cuff = create(DeviceReadings.device("bp-monitor", patient));
			client.transaction().withBundle(conditionalCreates(Bundle.BundleType.TRANSACTION,
					bloodPressure(patient, cuff, "2026-11-02T07:30:00+08:00", 150, 95),
					bloodPressure(patient, cuff, "2026-11-03T07:30:00+08:00", 150, 95),
					bloodPressure(patient, cuff, "2026-11-04T07:30:00+08:00", 150, 95))).execute();
			activeFlag("sustained-high-bp");
			subscriber.awaitDelivered("readings", 3);
			subscriber.awaitDelivered("alerts", 1);
			assertThat(subscriber.failures()).as("the first two deliveries failed and were retried").isEqualTo(2);
		}
	}

	private void subscribe(String criteria, String endpoint) throws InterruptedException {
		org.hl7.fhir.r4.model.Subscription subscription = new org.hl7.fhir.r4.model.Subscription();
		subscription.setStatus(org.hl7.fhir.r4.model.Subscription.SubscriptionStatus.REQUESTED);
		subscription.setReason("device data test");
		subscription.setCriteria(criteria);
		subscription.getChannel().setType(org.hl7.fhir.r4.model.Subscription.SubscriptionChannelType.RESTHOOK)
				.setEndpoint(endpoint).setPayload("application/fhir+json");
		String id = create(subscription);
		for (int i = 0; i < 300; i++) {
			var stored = client.read().resource(org.hl7.fhir.r4.model.Subscription.class).withId(id).execute();
			if (stored.getStatus() == org.hl7.fhir.r4.model.Subscription.SubscriptionStatus.ACTIVE) {
				Thread.sleep(1000); // the registry takes it up from the activation message
				return;
			}
			Thread.sleep(100);
		}
		throw new AssertionError("Subscription " + id + " never became active");
	}

	@Test
	void anUploadOfMoreThan1000ReadingsIsRefusedWhole() {
		String cuff = create(DeviceReadings.device("bp-monitor", patient));
		Observation[] readings = new Observation[1001];
		for (int i = 0; i < readings.length; i++) {
			readings[i] = bloodPressure(patient, cuff, java.time.LocalDateTime.of(2026, 1, 1, 0, 0).plusHours(i) + ":00+08:00", 120, 80);
		}
		assertThatThrownBy(() -> client.transaction().withBundle(conditionalCreates(Bundle.BundleType.BATCH, readings)).execute())
				.isInstanceOfSatisfying(ca.uhn.fhir.rest.server.exceptions.PayloadTooLargeException.class,
						refused -> assertThat(refused.getMessage()).contains("1001 entries", "at most 1000"));
		assertThat(readings("85354-9")).isEmpty();
	}

	@Test
	void theDefaultDeviceTimeOrderStillFindsObservationsWithoutATime() {
		Observation undated = new Observation().setStatus(Observation.ObservationStatus.FINAL)
				.setCode(new org.hl7.fhir.r4.model.CodeableConcept(new org.hl7.fhir.r4.model.Coding("http://loinc.org", "85354-9", null)))
				.setSubject(new Reference("Patient/" + patient));
		undated.setValue(new org.hl7.fhir.r4.model.StringType("recorded without a time"));
		create(undated);
		String cuff = create(DeviceReadings.device("bp-monitor", patient));
		client.create().resource(bloodPressure(patient, cuff, "2026-11-02T07:30:00+08:00", 124, 80)).execute();
		Bundle found = client.search().forResource(Observation.class).where(Observation.SUBJECT.hasId("Patient/" + patient))
				.returnBundle(Bundle.class).execute();
		assertThat(found.getEntry()).hasSize(2);
		assertThat(found.getTotal()).isEqualTo(2);
	}

	@Test
	void aDeviceVendorsGatewayUploadsWithBackendServicesAndReadsBackOnlyItsOwn() {
		String cuff = create(DeviceReadings.device("bp-monitor", patient));
		var key = health.workwell.testsupport.BackendServiceClients.rsaKey();
		String vendor = "vendor-" + UUID.randomUUID().toString().substring(0, 8);
		assertThat(health.workwell.testsupport.BackendServiceClients.register(port, vendor,
				"system/Observation.crs system/Device.crs", "device-vendor", key.toPublicJWK()).statusCode()).isEqualTo(201);
		String token = health.workwell.testsupport.BackendServiceClients.accessToken(
				health.workwell.testsupport.BackendServiceClients.tokenResponse(port,
						health.workwell.testsupport.BackendServiceClients.assertion(port, vendor, key, com.nimbusds.jose.JWSAlgorithm.RS384),
						"system/Observation.crs system/Device.crs"));
		IGenericClient gateway = FhirClients.R4.newRestfulGenericClient(FhirClients.baseUrl(port));
		gateway.registerInterceptor(new ca.uhn.fhir.rest.client.interceptor.BearerTokenAuthInterceptor(token));

		Bundle upload = conditionalCreates(Bundle.BundleType.TRANSACTION,
				bloodPressure(patient, cuff, "2026-11-04T07:30:00+08:00", 150, 96),
				bloodPressure(patient, cuff, "2026-11-05T07:30:00+08:00", 151, 95),
				bloodPressure(patient, cuff, "2026-11-06T07:30:00+08:00", 149, 97));
		gateway.transaction().withBundle(upload).execute();
		gateway.transaction().withBundle(upload).execute(); // the gateway retries: nothing new

		assertThat(readings("85354-9")).hasSize(3);
		assertThat(activeFlag("sustained-high-bp").getExtension()).hasSize(3); // its readings raised the alert
		Bundle own = gateway.search().forResource(Observation.class).returnBundle(Bundle.class).execute();
		assertThat(own.getEntry()).as("the vendor reads back the readings it created").hasSize(3);
		assertThatThrownBy(() -> gateway.search().forResource(Flag.class).returnBundle(Bundle.class).execute())
				.as("and nothing else: not the alert its readings raised")
				.isInstanceOf(ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException.class);
	}

	String create(Resource resource) {
		return client.create().resource(resource).execute().getId().getIdPart();
	}

	List<Observation> readings(String code) {
		return all(client.search().forResource(Observation.class)
				.where(Observation.SUBJECT.hasId("Patient/" + patient))
				.and(Observation.CODE.exactly().systemAndCode("http://loinc.org", code))
				.count(200).returnBundle(Bundle.class).execute(), Observation.class);
	}

	List<Flag> flags(String code) {
		return all(client.search().forResource(Flag.class)
				.where(Flag.PATIENT.hasId("Patient/" + patient))
				.count(100).returnBundle(Bundle.class).execute(), Flag.class).stream()
				.filter(f -> f.getCode().getCoding().stream().anyMatch(c -> ALERT.equals(c.getSystem()) && code.equals(c.getCode())))
				.toList();
	}

	Flag activeFlag(String code) {
		List<Flag> flags = flags(code);
		assertThat(flags).as("one " + code + " alert").hasSize(1);
		assertThat(flags.get(0).getStatus()).isEqualTo(Flag.FlagStatus.ACTIVE);
		return flags.get(0);
	}

	List<Task> tasks() {
		return all(client.search().forResource(Task.class).where(Task.PATIENT.hasId("Patient/" + patient))
				.count(100).returnBundle(Bundle.class).execute(), Task.class);
	}

	Task onlyTask(Flag flag) {
		List<Task> tasks = tasks().stream()
				.filter(t -> t.getFocus().getReference().equals("Flag/" + flag.getIdElement().getIdPart())).toList();
		assertThat(tasks).as("one task for " + flag.getCode().getCodingFirstRep().getCode()).hasSize(1);
		return tasks.get(0);
	}

	List<DetectedIssue> detectedIssues() {
		return all(client.search().forResource(DetectedIssue.class).where(DetectedIssue.PATIENT.hasId("Patient/" + patient))
				.count(100).returnBundle(Bundle.class).execute(), DetectedIssue.class);
	}

	static <T extends Resource> List<T> all(Bundle bundle, Class<T> type) {
		return bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource).filter(type::isInstance).map(type::cast).toList();
	}
}
