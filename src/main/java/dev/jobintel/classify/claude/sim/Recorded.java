package dev.jobintel.classify.claude.sim;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;

/**
 * One HTTP request the simulator received, in arrival order.
 *
 * @param method  "GET", "POST"...
 * @param path    the path without the query string, e.g. {@code /v1/messages}
 * @param headers request headers, names lower-cased, first value of each; credentials
 *                ({@code x-api-key}, {@code authorization}) are stored as {@code "<redacted>"}, never their value
 * @param body    the parsed JSON body, or null when there was none or it was not JSON
 */
public record Recorded(String method, String path, Map<String, String> headers, JsonNode body) {
}
