package dev.jobintel.store;

import dev.jobintel.classify.Classification;

/**
 * An enriched job about to be stored: identity, geography and the validated classification.
 *
 * @param place       the place key of the job identity
 * @param cityCode    resolved city, or null (never a made-up "unknown" code: incident 2)
 * @param countryCode resolved country, or null
 * @param remoteScope "global", a country or region code, "" when unscoped, null when not remote
 */
public record JobRecord(String jobHash, String company, String title, String place, String cityCode,
                        String countryCode, String remoteScope, Classification classification) {
}
