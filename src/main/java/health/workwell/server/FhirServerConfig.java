package health.workwell.server;

import ca.uhn.fhir.batch2.jobs.export.BulkDataExportProvider;
import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.jpa.api.config.JpaStorageSettings;
import ca.uhn.fhir.jpa.api.dao.IFhirResourceDaoObservation;
import ca.uhn.fhir.jpa.api.dao.IFhirSystemDao;
import ca.uhn.fhir.jpa.provider.IJpaSystemProvider;
import ca.uhn.fhir.jpa.provider.JpaCapabilityStatementProvider;
import ca.uhn.fhir.jpa.provider.ValueSetOperationProvider;
import ca.uhn.fhir.jpa.rp.r4.ObservationResourceProvider;
import ca.uhn.fhir.jpa.search.DatabaseBackedPagingProvider;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.api.PreferHandlingEnum;
import ca.uhn.fhir.rest.server.RestfulServer;
import ca.uhn.fhir.rest.server.interceptor.ResponseHighlighterInterceptor;
import ca.uhn.fhir.rest.server.interceptor.SearchPreferHandlingInterceptor;
import ca.uhn.fhir.rest.server.provider.ResourceProviderFactory;
import ca.uhn.fhir.rest.server.util.ISearchParamRegistry;
import health.workwell.assessment.PopulationOperations;
import health.workwell.assessment.RiskAssessOperation;
import health.workwell.assessment.TierOperation;
import health.workwell.audit.AuditTrail;
import health.workwell.conformance.ProfilesInCapabilityStatement;
import health.workwell.security.AccessControl;
import health.workwell.security.CategoryScopeEnforcement;
import health.workwell.security.SmartCapabilityStatement;
import health.workwell.lastn.LastNQuery;
import health.workwell.lastn.ObservationLastNProvider;
import health.workwell.server.limits.BundleEntryLimit;
import health.workwell.server.limits.RequestBodyLimitFilter;
import health.workwell.server.metrics.FhirInteractionTagger;
import health.workwell.server.metrics.FhirRequestMetricsFilter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.hl7.fhir.r4.model.Observation;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** The FHIR REST endpoint at {@code /fhir}: HAPI's RestfulServer with WorkWell's providers and interceptors. */
@Configuration
public class FhirServerConfig {

	public static final String FHIR_PATH = "/fhir/*";

	@Bean
	public RestfulServer restfulServer(
			IFhirSystemDao<?, ?> systemDao,
			ResourceProviderFactory resourceProviders,
			IJpaSystemProvider systemProvider,
			JpaStorageSettings storageSettings,
			ISearchParamRegistry searchParamRegistry,
			IValidationSupport validationSupport,
			DatabaseBackedPagingProvider pagingProvider,
			ObservationLastNProvider observationProvider,
			BulkDataExportProvider bulkExportProvider,
			ValueSetOperationProvider valueSetOperations,
			RiskAssessOperation riskAssess,
			TierOperation tier,
			PopulationOperations populationRuns,
			ProfilesInCapabilityStatement profilesInCapabilityStatement,
			SmartCapabilityStatement smartCapabilityStatement,
			AuditTrail auditTrail,
			AccessControl accessControl,
			WorkWellProperties properties) {
		FhirContext fhirContext = systemDao.getContext();
		RestfulServer server = new RestfulServer(fhirContext);
		List<Object> providers = resourceProviders.createProviders().stream()
				.filter(provider -> !(provider instanceof ObservationResourceProvider))
				.toList();
		server.registerProviders(providers);
		server.registerProvider(observationProvider);
		server.registerProvider(systemProvider);
		server.registerProvider(bulkExportProvider);
		server.registerProvider(valueSetOperations);
		server.registerProvider(riskAssess);
		server.registerProvider(tier);
		server.registerProvider(populationRuns);
		JpaCapabilityStatementProvider capabilities = new JpaCapabilityStatementProvider(
				server, systemDao, storageSettings, searchParamRegistry, validationSupport);
		capabilities.setImplementationDescription("WorkWell FHIR server");
		server.setServerConformanceProvider(capabilities);
		server.setServerName("WorkWell FHIR server");
		pagingProvider.setDefaultPageSize(properties.search().defaultPageSize());
		pagingProvider.setMaximumPageSize(properties.search().maxPageSize());
		server.setPagingProvider(pagingProvider);
		server.setDefaultResponseEncoding(EncodingEnum.JSON);
		// gzip request bodies are decompressed by RequestBodyLimitFilter, as they are read and within the
		// limits; HAPI's own decompression expands the whole body in memory before any limit applies
		server.setUncompressIncomingContents(false);

		// access: scopes and role policies first, then search narrowing, the records by role, labels, consents, masking
		accessControl.registerWith(server);
		server.registerInterceptor(new CategoryScopeEnforcement());
		server.registerInterceptor(auditTrail);

		SearchPreferHandlingInterceptor unknownParameters = new SearchPreferHandlingInterceptor(searchParamRegistry);
		unknownParameters.setDefaultBehaviour(PreferHandlingEnum.STRICT);
		server.registerInterceptor(unknownParameters);
		server.registerInterceptor(new BundleEntryLimit(properties.limits().maxBundleEntries()));
		server.registerInterceptor(new TransactionEntryConsistency());
		server.registerInterceptor(new XmlDoctypeRefusal());
		server.registerInterceptor(new StrictJsonBodies(properties.limits().maxJsonDepth()));
		server.registerInterceptor(new StrictResourceParsing(fhirContext));
		server.registerInterceptor(new VersionConflictAsPreconditionFailed());
		server.registerInterceptor(new MalformedParameterAsBadRequest());
		server.registerInterceptor(new DatabaseUnavailableAs503());
		server.registerInterceptor(new FhirInteractionTagger());
		server.registerInterceptor(new CapabilityStatementAdditions(version()));
		server.registerInterceptor(profilesInCapabilityStatement);
		server.registerInterceptor(smartCapabilityStatement);
		server.registerInterceptor(new ResponseHighlighterInterceptor());
		return server;
	}

	private static String version() {
		String implementation = FhirServerConfig.class.getPackage().getImplementationVersion();
		return implementation == null ? "development" : implementation;
	}

	@Bean
	public ObservationLastNProvider observationLastNProvider(
			LastNQuery lastN, IFhirResourceDaoObservation<Observation> observationDao, FhirContext fhirContext) {
		ObservationLastNProvider provider = new ObservationLastNProvider(lastN);
		provider.setContext(fhirContext);
		provider.setDao(observationDao);
		return provider;
	}

	@Bean
	public ServletRegistrationBean<RestfulServer> fhirServlet(RestfulServer server) {
		ServletRegistrationBean<RestfulServer> registration = new ServletRegistrationBean<>(server, FHIR_PATH);
		registration.setName("fhir");
		registration.setLoadOnStartup(1);
		return registration;
	}

	/** Outermost, so requests refused by the body limit are counted too. */
	@Bean
	public FilterRegistrationBean<FhirRequestMetricsFilter> fhirMetricsFilter(MeterRegistry registry) {
		FilterRegistrationBean<FhirRequestMetricsFilter> registration =
				new FilterRegistrationBean<>(new FhirRequestMetricsFilter(registry));
		registration.addUrlPatterns(FHIR_PATH);
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		return registration;
	}

	/** Every path (the FHIR API, the token endpoint, the admin API), inside the metrics filter. */
	@Bean
	public FilterRegistrationBean<DatabaseUnavailableFilter> databaseUnavailableFilter(FhirContext fhirContext) {
		FilterRegistrationBean<DatabaseUnavailableFilter> registration =
				new FilterRegistrationBean<>(new DatabaseUnavailableFilter(fhirContext));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 15);
		return registration;
	}

	@Bean
	public FilterRegistrationBean<RequestBodyLimitFilter> requestBodyLimitFilter(WorkWellProperties properties) {
		FilterRegistrationBean<RequestBodyLimitFilter> registration = new FilterRegistrationBean<>(
				new RequestBodyLimitFilter(properties.limits().maxRequestBody().toBytes(), properties.limits().maxDecompressionRatio()));
		registration.addUrlPatterns(FHIR_PATH);
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
		return registration;
	}
}
