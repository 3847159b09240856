package health.workwell.security;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.authentication.JwtClientAssertionAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientCredentialsAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.client.JdbcRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configurers.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.token.DelegatingOAuth2TokenGenerator;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.JwtGenerator;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenGenerator;
import org.springframework.security.oauth2.server.authorization.web.authentication.OAuth2AccessTokenResponseAuthenticationSuccessHandler;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.preauth.AbstractPreAuthenticatedProcessingFilter;
import org.springframework.security.web.util.matcher.AntPathRequestMatcher;

/**
 * Three filter chains: the embedded authorization server's endpoints ({@code /oauth2/authorize},
 * {@code /oauth2/token}, {@code /oauth2/jwks}, {@code /oauth2/introspect}, {@code /oauth2/revoke}, OpenID
 * Connect discovery and UserInfo); the login form and patient picker of the SMART App Launch; and
 * everything else, where the FHIR API and the administration APIs need a bearer token and only
 * discovery, the CapabilityStatement and the health probes are open. Deny by default.
 */
@Configuration
public class SecurityConfig {

	static final String SIGN_IN_PATH = "/login";

	@Bean
	@Order(1)
	public SecurityFilterChain authorizationServerEndpoints(HttpSecurity http, JwtDecoder tokens, UserRegistry users,
			OAuth2AuthorizationService authorizations, FhirAudience audience, LaunchContexts launches,
			ClientAssertionDecoders assertionDecoders, RegisteredScopePolicy scopePolicy, CachedClients cachedClients,
			SecurityProperties properties, RateLimitWindows rateLimits) throws Exception {
		OAuth2AuthorizationServerConfigurer authorizationServer = OAuth2AuthorizationServerConfigurer.authorizationServer();
		SmartAuthorizationRequests smartRequests = new SmartAuthorizationRequests(audience, launches, scopePolicy);
		OAuth2AccessTokenResponseAuthenticationSuccessHandler tokenResponses = new OAuth2AccessTokenResponseAuthenticationSuccessHandler();
		tokenResponses.setAccessTokenResponseCustomizer(new SmartTokenResponse(authorizations));
		authorizationServer
				.oidc(Customizer.withDefaults())
				.authorizationEndpoint(endpoint -> endpoint.authenticationProviders(providers -> providers.forEach(provider -> {
					if (provider instanceof OAuth2AuthorizationCodeRequestAuthenticationProvider codeRequests) {
						codeRequests.setAuthenticationValidator(smartRequests);
					}
				})))
				// SMART Backend Services: private_key_jwt without client_id, RS384/ES384 keys from an inline JWKS; a
				// public client without a code_verifier gets invalid_grant
				.clientAuthentication(authentication -> authentication
						.authenticationConverter(new ClientAssertionWithoutClientId())
						.authenticationConverters(converters -> converters.add(new PublicClientWithoutVerifier()))
						.authenticationProviders(providers -> providers.forEach(provider -> {
							if (provider instanceof JwtClientAssertionAuthenticationProvider assertions) {
								assertions.setJwtDecoderFactory(assertionDecoders);
							}
						})))
				// requested scopes are checked against the registered ones by SMART's rules, not as exact strings
				.tokenEndpoint(endpoint -> endpoint.accessTokenResponseHandler(tokenResponses)
						.authenticationProviders(providers -> providers.forEach(provider -> {
							if (provider instanceof OAuth2ClientCredentialsAuthenticationProvider clientCredentials) {
								clientCredentials.setAuthenticationValidator(scopePolicy::validateClientCredentials);
							}
						})));
		http.securityMatcher(authorizationServer.getEndpointsMatcher())
				.with(authorizationServer, Customizer.withDefaults())
				// SMART authorize-post, then the patient picker, both before SAS's authorization endpoint filter
				.addFilterBefore(new AuthorizePostAsGet(), AbstractPreAuthenticatedProcessingFilter.class)
				.addFilterBefore(new PatientPickerRedirect(users), AbstractPreAuthenticatedProcessingFilter.class)
				// token requests count for the client once it has authenticated (before, per address: ClientRateLimit)
				.addFilterBefore(new AuthenticatedClientRateLimit(cachedClients, properties.rateLimitPerMinute(), rateLimits),
						AuthorizationFilter.class)
				.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
				// a browser that is not signed in goes to the login form, then back to the authorization request
				.exceptionHandling(errors -> errors.defaultAuthenticationEntryPointFor(
						new LoginUrlAuthenticationEntryPoint(SIGN_IN_PATH), new AntPathRequestMatcher(AuthorizePostAsGet.AUTHORIZE_PATH)))
				// OpenID Connect UserInfo takes this server's access tokens
				.oauth2ResourceServer(resourceServer -> resourceServer.jwt(jwt -> jwt.decoder(tokens)))
				.csrf(csrf -> csrf.ignoringRequestMatchers(authorizationServer.getEndpointsMatcher()));
		return http.build();
	}

	/**
	 * The login form (users from the {@link UserRegistry}, password guessing throttled by {@link SignInThrottle})
	 * and the patient picker of a standalone launch.
	 */
	@Bean
	@Order(2)
	public SecurityFilterChain signIn(HttpSecurity http, SecurityProperties properties,
			ObjectProvider<health.workwell.audit.AuditTrail> audit) throws Exception {
		SignInThrottle throttle = new SignInThrottle(new SignInAttempts(properties.signIn()), audit);
		http.securityMatcher(SIGN_IN_PATH, "/logout", "/default-ui.css", PatientPickerRedirect.PICKER_PATH)
				.authorizeHttpRequests(requests -> requests
						.requestMatchers(PatientPickerRedirect.PICKER_PATH).authenticated()
						.anyRequest().permitAll())
				.addFilterBefore(throttle, UsernamePasswordAuthenticationFilter.class)
				.formLogin(form -> form.successHandler(throttle).failureHandler(throttle))
				.logout(Customizer.withDefaults());
		return http.build();
	}

	@Bean
	@Order(3)
	public SecurityFilterChain fhirApi(HttpSecurity http, JwtDecoder tokens, FhirContext fhirContext,
			org.springframework.beans.factory.ObjectProvider<health.workwell.audit.AuditTrail> audit, AdminAccess admins) throws Exception {
		OperationOutcomeResponses outcomes = new OperationOutcomeResponses(fhirContext, audit);
		http.authorizeHttpRequests(requests -> requests
						.requestMatchers(HttpMethod.GET, "/fhir/metadata", SmartConfigurationFilter.PATH).permitAll()
						.requestMatchers(HttpMethod.OPTIONS, "/fhir/metadata", SmartConfigurationFilter.PATH).permitAll()
						.requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
						// Spring Boot's error page for errors sent with sendError (their status is kept); not requestable itself
						.dispatcherTypeMatchers(jakarta.servlet.DispatcherType.ERROR).permitAll()
						// operators scrape metrics from inside the network; no personal data in them
						.requestMatchers("/actuator/prometheus").permitAll()
						// which scopes allow what: ScopeCheck, CompartmentRules and PatientSearchNarrowing in the FHIR server
						.requestMatchers("/fhir", "/fhir/**").authenticated()
						// client and user registration: administration clients only (the controllers check again)
						.requestMatchers("/admin/**").access(new AdminRole(admins))
						// EHR launch contexts: administrators, or clinicians for their own patients (checked by the controller)
						.requestMatchers(SmartLaunchController.PATH).authenticated()
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
	public FhirAudience fhirAudience(SecurityProperties properties, org.springframework.core.env.Environment environment) {
		return new FhirAudience(ProductionIssuer.require(environment, properties.issuer()));
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
	public JwtDecoder accessTokenDecoder(JWKSource<SecurityContext> keys, FhirAudience audience, SecurityProperties properties,
			OAuth2AuthorizationService authorizations) {
		NimbusJwtDecoder decoder = (NimbusJwtDecoder) OAuth2AuthorizationServerConfiguration.jwtDecoder(keys);
		decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefault(), audience,
				new RevokedAccessTokens(authorizations)));
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

	@Bean
	RateLimitWindows rateLimitWindows() {
		return new RateLimitWindows();
	}

	/** After CORS (so a 429 is readable by the page), before Spring Security. */
	@Bean
	public FilterRegistrationBean<ClientRateLimit> clientRateLimit(JwtDecoder tokens, CachedClients clients,
			SecurityProperties properties, RateLimitWindows rateLimits) {
		FilterRegistrationBean<ClientRateLimit> registration =
				new FilterRegistrationBean<>(new ClientRateLimit(tokens, clients, properties.rateLimitPerMinute(), rateLimits));
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

	/**
	 * Access tokens are for the FHIR API: their audience is the FHIR base (SMART), not the client id. Users'
	 * tokens carry their SMART claims ({@link SmartTokenClaims}).
	 */
	@Bean
	public OAuth2TokenCustomizer<JwtEncodingContext> fhirAudienceInAccessTokens(UserRegistry users) {
		SmartTokenClaims smartClaims = new SmartTokenClaims(users);
		return context -> {
			if (OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
				String issuer = context.getAuthorizationServerContext().getIssuer();
				// a singleton list: token claims are stored as JSON, and Spring's deserializer allows only known list types
				context.getClaims().audience(java.util.Collections.singletonList(issuer + FhirAudience.FHIR_PATH));
			}
			ClientTokenClaims.addTo(context);
			smartClaims.addTo(context);
		};
	}

	/** JWT access and ID tokens; refresh tokens only for offline_access / online_access (SMART). */
	@Bean
	public OAuth2TokenGenerator<?> tokenGenerator(JWKSource<SecurityContext> keys, OAuth2TokenCustomizer<JwtEncodingContext> claims) {
		JwtGenerator jwts = new JwtGenerator(new NimbusJwtEncoder(keys));
		jwts.setJwtCustomizer(claims);
		return new DelegatingOAuth2TokenGenerator(jwts, new OfflineAccessRefreshTokens());
	}


	@Bean
	public UserRegistry userRegistry(DataSource dataSource, PasswordEncoder passwords, SecurityTables tables) {
		return new UserRegistry(dataSource, passwords, tables);
	}

	@Bean
	public LaunchContexts launchContexts(DataSource dataSource, SecurityProperties properties, SecurityTables tables) {
		return new LaunchContexts(dataSource, properties.launchLifetime(), tables);
	}

	@Bean
	public PatientAccess patientAccess(ObjectProvider<DaoRegistry> daos) {
		return new PatientAccess(daos);
	}

	@Bean
	public AdminAccess adminAccess(RegisteredClientRepository clients, SecurityProperties properties) {
		return new AdminAccess(clients, properties.externalIssuer().issuerUri());
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
		RegisteredClientRepository clients = new RotatedRefreshTokens(new JdbcRegisteredClientRepository(new JdbcTemplate(dataSource)));
		BootstrapAdminClient.register(clients, adminClientId, adminClientSecret, secrets, properties.backendTokenLifetime());
		return clients;
	}

	/**
	 * Issued grants and tokens in the database (introspection and revocation work across restarts and nodes),
	 * with the SMART launch context fixed when a code is issued ({@link LaunchContextBinding}).
	 */
	@Bean
	public OAuth2AuthorizationService authorizations(SecurityTables tables, DataSource dataSource, RegisteredClientRepository clients,
			UserRegistry users, PatientAccess patients, LaunchContexts launches) {
		return new LaunchContextBinding(new JdbcOAuth2AuthorizationService(new JdbcTemplate(dataSource), clients), users, patients, launches);
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
