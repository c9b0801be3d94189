package dev.jobintel.classify.claude.sim;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Map;

import static dev.jobintel.classify.claude.sim.MessagesSimulator.JSON;

/** A response to write; null from a route means "hang up without answering". */
record SimReply(int status, String contentType, Map<String, String> headers, byte[] body) {

    static SimReply json(int status, JsonNode body, Map<String, String> headers) {
        try {
            return new SimReply(status, "application/json", headers, JSON.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static ObjectNode errorBody(String type, String message, JsonNode details) {
        ObjectNode body = JSON.createObjectNode().put("type", "error");
        ObjectNode error = body.putObject("error").put("type", type).put("message", message);
        if (details != null) {
            error.set("details", details);
        }
        return body;
    }

    static SimReply error(int status, String type, String message, Map<String, String> headers,
                          JsonNode details) {
        return json(status, errorBody(type, message, details), headers);
    }

    static SimReply notFound(String path) {
        return error(404, "not_found_error", "Not found: " + path, Map.of(), null);
    }
}
