package health.workwell.security;

import ca.uhn.fhir.context.FhirContext;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
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
	public SecurityFilterChain authorizationServerEndpoints(HttpSecurity http) throws Exception {
		OAuth2AuthorizationServerConfigurer authorizationServer = OAuth2AuthorizationServerConfigurer.authorizationServer();
		http.securityMatcher(authorizationServer.getEndpointsMatcher())
				.with(authorizationServer, Customizer.withDefaults())
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
	public JwtDecoder accessTokenDecoder(JWKSource<SecurityContext> keys, FhirAudience audience) {
		NimbusJwtDecoder decoder = (NimbusJwtDecoder) OAuth2AuthorizationServerConfiguration.jwtDecoder(keys);
		decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefault(), audience));
		return decoder;
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
				context.getClaims().audience(java.util.List.of(issuer + FhirAudience.FHIR_PATH));
			}
		};
	}

	@Bean
	public PasswordEncoder clientSecretEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	public RegisteredClientRepository registeredClients(
			@Value("${WORKWELL_ADMIN_CLIENT_ID:}") String adminClientId,
			@Value("${WORKWELL_ADMIN_CLIENT_SECRET:}") String adminClientSecret,
			PasswordEncoder secrets,
			SecurityProperties properties) {
		return new BootstrapClients(adminClientId, adminClientSecret, secrets, properties.backendTokenLifetime());
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
