package health.workwell.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import health.workwell.testsupport.TestTokens;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.web.util.HtmlUtils;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * A SMART app and its user's browser, for tests: registers apps and users, walks the authorization request
 * through the login form and the patient picker (cookies kept, redirects followed by hand) to the app's
 * redirect URI, and calls the token endpoint.
 */
final class SmartLaunchFlow {

	static final String REDIRECT_URI = "http://127.0.0.1:9/smart-app/callback";
	static final String PASSWORD = "a long enough password";
	static final ObjectMapper JSON = new ObjectMapper();

	record Pkce(String verifier, String challenge) {
		static Pkce create() {
			byte[] bytes = new byte[32];
			new SecureRandom().nextBytes(bytes);
			String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
			return new Pkce(verifier, challengeOf(verifier));
		}

		static String challengeOf(String verifier) {
			try {
				byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
				return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
			} catch (Exception e) {
				throw new IllegalStateException(e);
			}
		}
	}

	/** Where the browser ended: the redirect to the app (with code or error), or a page it stopped at. */
	record Outcome(int status, URI redirect, String body) {
		Map<String, String> query() {
			return UriComponentsBuilder.fromUri(redirect).build().getQueryParams().toSingleValueMap().entrySet().stream()
					.collect(Collectors.toMap(Map.Entry::getKey,
							e -> java.net.URLDecoder.decode(e.getValue(), StandardCharsets.UTF_8)));
		}

		String code() {
			return query().get("code");
		}
	}

	final int port;
	final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();

	SmartLaunchFlow(int port) {
		this.port = port;
	}

	String origin() {
		return "http://127.0.0.1:" + port;
	}

	String fhirBase() {
		return origin() + "/fhir";
	}

	static String unique(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

	// ---- registration -----------------------------------------------------------------------------

	/** Browser apps are registered with their own origin for CORS (the redirect page's origin). */
	static String originOf(String uri) {
		java.net.URI parsed = java.net.URI.create(uri);
		return parsed.getScheme() + "://" + parsed.getHost() + (parsed.getPort() < 0 ? "" : ":" + parsed.getPort());
	}

	static RegisteredClient publicApp(RegisteredClientRepository clients, String redirectUri, String... scopes) {
		RegisteredClient app = RegisteredClient.withId(UUID.randomUUID().toString())
				.clientId(unique("public-app"))
				.clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
				.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
				.redirectUri(redirectUri)
				.scopes(s -> s.addAll(java.util.List.of(scopes)))
				.clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false)
						.setting(ClientSettingNames.ALLOWED_ORIGINS, originOf(redirectUri)).build())
				.build();
		clients.save(app);
		return app;
	}

	/** A confidential app (client_secret_basic, secret = its client id + "-secret"), allowed refresh tokens. */
	static RegisteredClient confidentialApp(RegisteredClientRepository clients, org.springframework.security.crypto.password.PasswordEncoder secrets,
			String... scopes) {
		String clientId = unique("confidential-app");
		RegisteredClient app = RegisteredClient.withId(UUID.randomUUID().toString())
				.clientId(clientId)
				.clientSecret(secrets.encode(clientId + "-secret"))
				.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
				.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
				.authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
				.redirectUri(REDIRECT_URI)
				.scopes(s -> s.addAll(java.util.List.of(scopes)))
				.clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false)
						.setting(ClientSettingNames.ALLOWED_ORIGINS, originOf(REDIRECT_URI)).build())
				.build();
		clients.save(app);
		return app;
	}

	HttpResponse<String> registerUser(String username, String role, String fhirUser) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("username", username);
		body.put("password", PASSWORD);
		body.put("role", role);
		if (fhirUser != null) {
			body.put("fhirUser", fhirUser);
		}
		return adminJson("POST", "/admin/users", body);
	}

	HttpResponse<String> adminJson(String method, String path, Object body) {
		return send(HttpRequest.newBuilder(URI.create(origin() + path))
				.header("Authorization", "Bearer " + TestTokens.admin(port))
				.header("Content-Type", "application/json")
				.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json(body))));
	}

	// ---- the browser ------------------------------------------------------------------------------

	/** The standard SMART authorization request parameters for this app. */
	Map<String, String> authorizeParameters(RegisteredClient app, String scope, Pkce pkce) {
		Map<String, String> parameters = new LinkedHashMap<>();
		parameters.put("response_type", "code");
		parameters.put("client_id", app.getClientId());
		parameters.put("redirect_uri", app.getRedirectUris().iterator().next());
		parameters.put("scope", scope);
		parameters.put("state", UUID.randomUUID().toString());
		parameters.put("aud", fhirBase());
		if (pkce != null) {
			parameters.put("code_challenge", pkce.challenge());
			parameters.put("code_challenge_method", "S256");
		}
		return parameters;
	}

	/** GET the authorization request and follow it through login (and picker, choosing pickPatient) to the app. */
	Outcome authorize(Map<String, String> parameters, String username, String pickPatient) {
		return follow(HttpRequest.newBuilder(URI.create(origin() + "/oauth2/authorize?" + form(parameters))).GET(), username, pickPatient);
	}

	/** The same, sent as a form POST (SMART authorize-post). */
	Outcome authorizeByPost(Map<String, String> parameters, String username, String pickPatient) {
		return follow(HttpRequest.newBuilder(URI.create(origin() + "/oauth2/authorize"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(form(parameters))), username, pickPatient);
	}

	private Outcome follow(HttpRequest.Builder first, String username, String pickPatient) {
		HttpResponse<String> response = send(first);
		for (int step = 0; step < 10; step++) {
			if (response.statusCode() != 302) {
				return new Outcome(response.statusCode(), null, response.body());
			}
			URI location = response.uri().resolve(response.headers().firstValue("Location").orElseThrow());
			if (!location.getAuthority().equals("127.0.0.1:" + port)) {
				return new Outcome(302, location, null);
			}
			if (location.getPath().equals("/login") && location.getQuery() != null && location.getQuery().contains("error")) {
				return new Outcome(302, location, null);
			}
			if (location.getPath().equals("/login")) {
				String page = send(HttpRequest.newBuilder(location).GET()).body();
				response = send(HttpRequest.newBuilder(location)
						.header("Content-Type", "application/x-www-form-urlencoded")
						.POST(HttpRequest.BodyPublishers.ofString(form(Map.of("username", username, "password", PASSWORD,
								"_csrf", hidden(page, "_csrf"))))));
			} else if (location.getPath().equals("/smart/pick-patient")) {
				HttpResponse<String> picker = send(HttpRequest.newBuilder(location).GET());
				if (pickPatient == null) {
					return new Outcome(picker.statusCode(), location, picker.body());
				}
				response = send(HttpRequest.newBuilder(location)
						.header("Content-Type", "application/x-www-form-urlencoded")
						.POST(HttpRequest.BodyPublishers.ofString(form(Map.of("patient", pickPatient,
								"authorize", hidden(picker.body(), "authorize"), "_csrf", hidden(picker.body(), "_csrf"))))));
			} else {
				response = send(HttpRequest.newBuilder(location).GET());
			}
		}
		throw new AssertionError("Too many redirects");
	}

	static String hidden(String page, String name) {
		Matcher input = Pattern.compile("<input[^>]*name=\"" + Pattern.quote(name) + "\"[^>]*>").matcher(page);
		if (!input.find()) {
			throw new AssertionError("No field " + name + " in " + page);
		}
		Matcher value = Pattern.compile("value=\"([^\"]*)\"").matcher(input.group());
		if (!value.find()) {
			throw new AssertionError("No value for " + name);
		}
		return HtmlUtils.htmlUnescape(value.group(1));
	}

	// ---- token endpoint ---------------------------------------------------------------------------

	HttpResponse<String> token(Map<String, String> parameters, RegisteredClient confidentialClient) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(origin() + "/oauth2/token"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(form(parameters)));
		if (confidentialClient != null) {
			request.header("Authorization", basic(confidentialClient));
		}
		return send(request);
	}

	/** The authorization code exchange; public apps send client_id, confidential ones authenticate. */
	HttpResponse<String> exchange(RegisteredClient app, String code, String verifier) {
		Map<String, String> parameters = new LinkedHashMap<>();
		parameters.put("grant_type", "authorization_code");
		parameters.put("code", code);
		parameters.put("redirect_uri", app.getRedirectUris().iterator().next());
		if (verifier != null) {
			parameters.put("code_verifier", verifier);
		}
		boolean confidential = app.getClientAuthenticationMethods().contains(ClientAuthenticationMethod.CLIENT_SECRET_BASIC);
		if (!confidential) {
			parameters.put("client_id", app.getClientId());
		}
		return token(parameters, confidential ? app : null);
	}

	/** The parsed token response of a full launch (asserting it succeeded). */
	Map<String, Object> launch(RegisteredClient app, String scope, String username, String pickPatient) {
		Pkce pkce = Pkce.create();
		Outcome outcome = authorize(authorizeParameters(app, scope, pkce), username, pickPatient);
		if (outcome.redirect() == null || outcome.code() == null) {
			throw new AssertionError("No code: " + outcome);
		}
		HttpResponse<String> response = exchange(app, outcome.code(), pkce.verifier());
		if (response.statusCode() != 200) {
			throw new AssertionError("Token exchange failed: " + response.statusCode() + " " + response.body());
		}
		return parse(response.body());
	}

	HttpResponse<String> clientPost(String path, RegisteredClient client, Map<String, String> parameters) {
		return send(HttpRequest.newBuilder(URI.create(origin() + path))
				.header("Authorization", basic(client))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(form(parameters))));
	}

	HttpResponse<String> fhirGet(String path, String accessToken) {
		return send(HttpRequest.newBuilder(URI.create(fhirBase() + path)).header("Authorization", "Bearer " + accessToken).GET());
	}

	static String basic(RegisteredClient client) {
		return "Basic " + Base64.getEncoder().encodeToString((client.getClientId() + ":" + client.getClientId() + "-secret")
				.getBytes(StandardCharsets.UTF_8));
	}

	HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
		} catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	static String form(Map<String, String> parameters) {
		return parameters.entrySet().stream()
				.map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
				.collect(Collectors.joining("&"));
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> parse(String json) {
		try {
			return JSON.readValue(json, Map.class);
		} catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}

	static String json(Object value) {
		try {
			return JSON.writeValueAsString(value);
		} catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}
}
