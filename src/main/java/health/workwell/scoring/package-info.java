/**
 * WorkWell's scoring core: the risk models and management policies as pure functions. Plain Java
 * only — no HAPI, no Spring, no I/O — so every model can be checked against its published reference
 * values in isolation. Inputs the caller does not have are {@code null}; a model that lacks a required
 * input answers {@link health.workwell.scoring.Assessment.NotComputable} naming what is missing,
 * never a guessed default.
 */
package health.workwell.scoring;
