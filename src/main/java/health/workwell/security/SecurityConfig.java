package health.workwell.security;

import ca.uhn.fhir.context.FhirContext;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.authentication.JwtClientAssertionAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientCredentialsAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.client.JdbcRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configurers.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Two filter chains: the embedded authorization server's endpoints ({@code /oauth2/token},
 * {@code /oauth2/jwks}, {@code /oauth2/introspect}, {@code /oauth2/revoke}), and everything else,
 * where the FHIR API needs a bearer token and only discovery, the CapabilityStatement and the health
 * probes are open. Deny by default.
 */
@Configuration
public class SecurityConfig {

	@Bean
	@Order(1)
	public SecurityFilterChain authorizationServerEndpoints(HttpSecurity http, ClientAssertionDecoders assertionDecoders,
			RegisteredScopePolicy scopePolicy) throws Exception {
		OAuth2AuthorizationServerConfigurer authorizationServer = OAuth2AuthorizationServerConfigurer.authorizationServer();
		http.securityMatcher(authorizationServer.getEndpointsMatcher())
				.with(authorizationServer, server -> server
						// SMART Backend Services: private_key_jwt without client_id, RS384/ES384 keys from an inline JWKS
						.clientAuthentication(clients -> clients
								.authenticationConverter(new ClientAssertionWithoutClientId())
								.authenticationProviders(providers -> providers.forEach(provider -> {
									if (provider instanceof JwtClientAssertionAuthenticationProvider assertions) {
										assertions.setJwtDecoderFactory(assertionDecoders);
									}
								})))
						// requested scopes are checked against the registered ones by SMART's rules, not as exact strings
						.tokenEndpoint(token -> token.authenticationProviders(providers -> providers.forEach(provider -> {
							if (provider instanceof OAuth2ClientCredentialsAuthenticationProvider clientCredentials) {
								clientCredentials.setAuthenticationValidator(scopePolicy::validateClientCredentials);
							}
						}))))
				.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
				.csrf(csrf -> csrf.ignoringRequestMatchers(authorizationServer.getEndpointsMatcher()));
		return http.build();
	}

	@Bean
	@Order(2)
	public SecurityFilterChain fhirApi(HttpSecurity http, JwtDecoder tokens, FhirContext fhirContext,
			org.springframework.beans.factory.ObjectProvider<health.workwell.audit.AuditTrail> audit) throws Exception {
		OperationOutcomeResponses outcomes = new OperationOutcomeResponses(fhirContext, audit);
		http.authorizeHttpRequests(requests -> requests
						.requestMatchers(HttpMethod.GET, "/fhir/metadata", SmartConfigurationFilter.PATH).permitAll()
						.requestMatchers(HttpMethod.OPTIONS, "/fhir/metadata", SmartConfigurationFilter.PATH).permitAll()
						.requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
						// operators scrape metrics from inside the network; no personal data in them
						.requestMatchers("/actuator/prometheus").permitAll()
						// which scopes allow what: ScopeCheck, CompartmentRules and PatientSearchNarrowing in the FHIR server
						.requestMatchers("/fhir", "/fhir/**").authenticated()
						.requestMatchers("/admin/**").access(AdminRole.REQUIRED)
						.anyRequest().denyAll())
				.oauth2ResourceServer(resourceServer -> resourceServer
						.jwt(jwt -> jwt.decoder(tokens))
						.authenticationEntryPoint(outcomes)
						.accessDeniedHandler(outcomes))
				.exceptionHandling(errors -> errors.authenticationEntryPoint(outcomes).accessDeniedHandler(outcomes))
				.sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
				// bearer tokens, no cookies: nothing for a cross-site request to forge
				.csrf(csrf -> csrf.disable());
		return http.build();
	}

	@Bean
	public FhirAudience fhirAudience(SecurityProperties properties) {
		return new FhirAudience(properties.issuer());
	}

	@Bean
	public SmartCapabilityStatement smartCapabilityStatement(FhirAudience audience) {
		return new SmartCapabilityStatement(audience);
	}

	@Bean
	public JWKSource<SecurityContext> tokenSigningKeys(SecurityProperties properties) {
		return new ImmutableJWKSet<>(new JWKSet(SigningKey.loadOrCreate(Path.of(properties.signingKeyFile()))));
	}

	/** Checks signature, expiry and not-before, then issuer and audience against this server. */
	@Bean
	public JwtDecoder accessTokenDecoder(JWKSource<SecurityContext> keys, FhirAudience audience, SecurityProperties properties) {
		NimbusJwtDecoder decoder = (NimbusJwtDecoder) OAuth2AuthorizationServerConfiguration.jwtDecoder(keys);
		decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefault(), audience));
		// an external OpenID Connect issuer's tokens are accepted as well, when one is configured
		return properties.externalIssuer().enabled() ? new ExternalIssuerTokens(decoder, properties.externalIssuer()) : decoder;
	}

	@Bean
	CachedClients cachedClients(RegisteredClientRepository clients) {
		return new CachedClients(clients);
	}

	/**
	 * Before Spring Security (order -100), which would refuse a CORS preflight for want of a token, and after
	 * Spring's RequestContextFilter (-105), which the token decoder's audience check needs.
	 */
	@Bean
	public FilterRegistrationBean<RegisteredOriginsCors> registeredOriginsCors(JwtDecoder tokens, CachedClients clients,
			DataSource dataSource) {
		FilterRegistrationBean<RegisteredOriginsCors> registration =
				new FilterRegistrationBean<>(new RegisteredOriginsCors(tokens, clients, new JdbcTemplate(dataSource)));
		registration.setOrder(-104);
		return registration;
	}

	/** After CORS (so a 429 is readable by the page), before Spring Security. */
	@Bean
	public FilterRegistrationBean<ClientRateLimit> clientRateLimit(JwtDecoder tokens, CachedClients clients,
			SecurityProperties properties) {
		FilterRegistrationBean<ClientRateLimit> registration =
				new FilterRegistrationBean<>(new ClientRateLimit(tokens, clients, properties.rateLimitPerMinute()));
		registration.setOrder(-102);
		return registration;
	}

	@Bean
	public AuthorizationServerSettings authorizationServerSettings(SecurityProperties properties) {
		AuthorizationServerSettings.Builder settings = AuthorizationServerSettings.builder();
		if (!properties.issuer().isBlank()) {
			settings.issuer(properties.issuer());
		}
		return settings.build();
	}

	/** Access tokens are for the FHIR API: their audience is the FHIR base (SMART), not the client id. */
	@Bean
	public OAuth2TokenCustomizer<JwtEncodingContext> fhirAudienceInAccessTokens() {
		return context -> {
			if (OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
				String issuer = context.getAuthorizationServerContext().getIssuer();
				// a singleton list: token claims are stored as JSON, and Spring's deserializer allows only known list types
				context.getClaims().audience(java.util.Collections.singletonList(issuer + FhirAudience.FHIR_PATH));
			}
			ClientTokenClaims.addTo(context);
		};
	}

	@Bean
	public PasswordEncoder clientSecretEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	public SecurityTables securityTables(DataSource dataSource) {
		return new SecurityTables(dataSource);
	}

	/** Registered clients in the database (they survive restarts and are shared by nodes), with the bootstrap administrator. */
	@Bean
	public RegisteredClientRepository registeredClients(
			SecurityTables tables,
			DataSource dataSource,
			@Value("${WORKWELL_ADMIN_CLIENT_ID:}") String adminClientId,
			@Value("${WORKWELL_ADMIN_CLIENT_SECRET:}") String adminClientSecret,
			PasswordEncoder secrets,
			SecurityProperties properties) {
		RegisteredClientRepository clients = new JdbcRegisteredClientRepository(new JdbcTemplate(dataSource));
		BootstrapAdminClient.register(clients, adminClientId, adminClientSecret, secrets, properties.backendTokenLifetime());
		return clients;
	}

	/** Issued grants and tokens in the database: introspection and revocation work across restarts and nodes. */
	@Bean
	public OAuth2AuthorizationService authorizations(SecurityTables tables, DataSource dataSource, RegisteredClientRepository clients) {
		return new JdbcOAuth2AuthorizationService(new JdbcTemplate(dataSource), clients);
	}

	@Bean
	public OAuth2AuthorizationConsentService authorizationConsents(SecurityTables tables, DataSource dataSource,
			RegisteredClientRepository clients) {
		return new JdbcOAuth2AuthorizationConsentService(new JdbcTemplate(dataSource), clients);
	}

	@Bean
	public ClientAssertionDecoders clientAssertionDecoders(SecurityTables tables, DataSource dataSource) {
		return new ClientAssertionDecoders(new UsedAssertionIds(new JdbcTemplate(dataSource)));
	}

	@Bean
	public RegisteredScopePolicy registeredScopePolicy() {
		return new RegisteredScopePolicy();
	}

	@Bean
	ClientRegistrations clientRegistrations(RegisteredClientRepository clients, DataSource dataSource, PasswordEncoder secrets,
			SecurityProperties properties) {
		return new ClientRegistrations(clients, new JdbcTemplate(dataSource), secrets, properties.backendTokenLifetime());
	}

	@Bean
	public FilterRegistrationBean<SmartConfigurationFilter> smartConfiguration(FhirAudience audience) {
		FilterRegistrationBean<SmartConfigurationFilter> registration =
				new FilterRegistrationBean<>(new SmartConfigurationFilter(audience));
		registration.addUrlPatterns(SmartConfigurationFilter.PATH);
		// after Spring Security (which lets it through), before the FHIR servlet
		registration.setOrder(Ordered.LOWEST_PRECEDENCE - 10);
		return registration;
	}
}
