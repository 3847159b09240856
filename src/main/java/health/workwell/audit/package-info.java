/**
 * Audit: every FHIR request (but the CapabilityStatement) leaves an AuditEvent — who (client, user,
 * source address), what, when, outcome — refused ones included; AuditEvents cannot be written,
 * changed or deleted through the API.
 */
package health.workwell.audit;
