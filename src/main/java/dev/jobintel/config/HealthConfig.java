package dev.jobintel.config;

/**
 * {@code health:} in jobintel.yaml: when a failing board is left alone for a while.
 *
 * @param failuresBeforeBackoff consecutive failed fetches before a board is backed off
 * @param backoffHours          first back-off; doubles with each further failure
 * @param maxBackoffHours       longest back-off
 */
public record HealthConfig(Integer failuresBeforeBackoff, Integer backoffHours, Integer maxBackoffHours) {

    public HealthConfig {
        failuresBeforeBackoff = failuresBeforeBackoff == null ? 3 : failuresBeforeBackoff;
        backoffHours = backoffHours == null ? 6 : backoffHours;
        maxBackoffHours = maxBackoffHours == null ? 72 : maxBackoffHours;
    }
}
