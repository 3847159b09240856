package health.workwell.security;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The patient picker of a standalone launch ({@code GET/POST /smart/pick-patient}): lists the patients
 * the signed-in user may see ({@link PatientAccess}); the choice is checked again on the server, kept for
 * this authorization request only ({@link PatientPicks}), and the browser goes back to the authorization
 * request, which then issues the code with that patient in context.
 */
@RestController
class PatientPickerController {

	private final UserRegistry users;
	private final PatientAccess patients;

	PatientPickerController(UserRegistry users, PatientAccess patients) {
		this.users = users;
		this.patients = patients;
	}

	@GetMapping(path = PatientPickerRedirect.PICKER_PATH, produces = MediaType.TEXT_HTML_VALUE)
	@ResponseBody
	String picker(HttpServletRequest request, Principal principal) {
		RegisteredUser user = users.find(principal.getName()).orElseThrow();
		String authorizeQuery = request.getQueryString() == null ? "" : request.getQueryString();
		Map<String, String> pickable = patients.pickable(user, null);
		CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
		StringBuilder page = new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Choose a patient</title>"
				+ "</head><body><h1>Choose a patient</h1><form method=\"post\" action=\"" + PatientPickerRedirect.PICKER_PATH + "\">");
		if (pickable.isEmpty()) {
			page.append("<p id=\"no-patients\">You have no patients you may open.</p>");
		}
		pickable.forEach((id, name) -> page.append("<p><label><input type=\"radio\" name=\"patient\" value=\"")
				.append(HtmlUtils.htmlEscape(id)).append("\"> ").append(HtmlUtils.htmlEscape(name)).append("</label></p>"));
		page.append("<input type=\"hidden\" name=\"authorize\" value=\"").append(HtmlUtils.htmlEscape(authorizeQuery)).append("\">");
		if (csrf != null) {
			page.append("<input type=\"hidden\" name=\"").append(csrf.getParameterName()).append("\" value=\"")
					.append(HtmlUtils.htmlEscape(csrf.getToken())).append("\">");
		}
		page.append("<button type=\"submit\">Open</button></form></body></html>");
		return page.toString();
	}

	@PostMapping(PatientPickerRedirect.PICKER_PATH)
	ResponseEntity<String> pick(@RequestParam(name = "patient", required = false) String patient,
			@RequestParam(name = "authorize", defaultValue = "") String authorizeQuery, HttpServletRequest request, Principal principal) {
		RegisteredUser user = users.find(principal.getName()).orElseThrow();
		if (patient == null || !patients.maySee(user, patient)) {
			return ResponseEntity.badRequest().contentType(MediaType.TEXT_PLAIN).body("Choose one of the patients offered");
		}
		URI authorizeRequest;
		try {
			authorizeRequest = URI.create(request.getContextPath() + AuthorizePostAsGet.AUTHORIZE_PATH + "?" + authorizeQuery);
		} catch (IllegalArgumentException malformed) {
			return ResponseEntity.badRequest().contentType(MediaType.TEXT_PLAIN).body("Malformed authorization request");
		}
		MultiValueMap<String, String> parameters = UriComponentsBuilder.newInstance().query(authorizeQuery).build().getQueryParams();
		PatientPicks.remember(request.getSession(), decoded(parameters.getFirst("client_id")),
				decoded(parameters.getFirst("state")), patient);
		return ResponseEntity.status(HttpStatus.FOUND)
				.location(authorizeRequest).build();
	}

	private static String decoded(String value) {
		return value == null ? null : URLDecoder.decode(value, StandardCharsets.UTF_8);
	}
}
