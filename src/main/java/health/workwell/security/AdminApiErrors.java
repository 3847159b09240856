package health.workwell.security;

import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A body that is not a JSON object gets the OAuth-style 400 of the other input errors, not Spring's generic one. */
@RestControllerAdvice(assignableTypes = {UserAdminController.class, SmartLaunchController.class})
class AdminApiErrors {

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ResponseEntity<Object> unreadable(HttpMessageNotReadableException e) {
		return OAuthErrors.badRequest("The body must be a JSON object");
	}
}
