/**
 * Conformance: the implementation guide packages the server installs at start (WorkWell's own, from
 * the jar, and any further ones from a configured folder), the profile validation of writes, the
 * read-only protection of the installed conformance resources, and the profiles listed in the
 * CapabilityStatement.
 */
package health.workwell.conformance;
