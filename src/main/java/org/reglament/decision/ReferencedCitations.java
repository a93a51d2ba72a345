package org.reglament.decision;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.core.MethodParameter;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * The {@link CitationForm#REFERENCED} form of an answer: each distinct citation once, in a top-level
 * {@code citations} list in the order of first use, and {@code "citationRef": i} in its place. An action-matrix answer
 * cites each clause from a part of the result and again from its rules applied; stated once, the answer is about a
 * quarter shorter (docs/benchmarks.md, "Provenance for free").
 * <p>
 * Runs last among the answer's advice, after the receipt is recorded ({@code org.reglament.log.ReceiptRecording}), on
 * the answer as recorded: its digest, log position and every other field are unchanged, and the receipt keeps the
 * inline answer, so replay and verification are exactly as for an inline answer.
 */
@RestControllerAdvice(basePackages = "org.reglament")
@Order(Ordered.LOWEST_PRECEDENCE)
public class ReferencedCitations implements ResponseBodyAdvice<Object> {
    static final String CITATION = "citation";
    static final String REFERENCE = "citationRef";
    static final String CITATIONS = "citations";

    private final ObjectMapper json;

    public ReferencedCitations(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return DecisionEnvelope.class.isAssignableFrom(returnType.getParameterType());
    }

    @Override
    public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
                                  Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request,
                                  ServerHttpResponse response) {
        if (body == null || !(request instanceof ServletServerHttpRequest servlet)
                || servlet.getServletRequest().getAttribute(CitationForm.ATTRIBUTE) != CitationForm.REFERENCED) {
            return body;
        }
        // Another length than the recorded answer's (org.reglament.log.ReceiptRecording sets that one).
        response.getHeaders().remove(org.springframework.http.HttpHeaders.CONTENT_LENGTH);
        JsonNode answer;
        try {
            // The recorded answer's bytes (the log on), or the envelope itself (the log off).
            answer = body instanceof SerializableString recorded ? json.readTree(recorded.asUnquotedUTF8())
                    : json.valueToTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return referenced((ObjectNode) answer);
    }

    /** {@code answer} with its citations stated once and referred to (the node is changed and returned). */
    static ObjectNode referenced(ObjectNode answer) {
        Map<JsonNode, Integer> indexes = new HashMap<>();
        List<JsonNode> citations = new ArrayList<>();
        replace(answer, indexes, citations);
        ArrayNode list = answer.putArray(CITATIONS);
        citations.forEach(list::add);
        return answer;
    }

    private static void replace(JsonNode node, Map<JsonNode, Integer> indexes, List<JsonNode> citations) {
        if (node instanceof ObjectNode object) {
            JsonNode citation = object.get(CITATION);
            if (citation != null && citation.isObject()) {
                Integer index = indexes.get(citation);
                if (index == null) {
                    index = citations.size();
                    indexes.put(citation, index);
                    citations.add(citation);
                }
                // In the field's place, so that the other fields keep their order.
                List<String> names = new ArrayList<>();
                object.fieldNames().forEachRemaining(names::add);
                Map<String, JsonNode> fields = new java.util.LinkedHashMap<>();
                for (String name : names) {
                    fields.put(name.equals(CITATION) ? REFERENCE : name,
                            name.equals(CITATION) ? object.numberNode(index) : object.get(name));
                }
                object.removeAll();
                object.setAll(fields);
            }
            object.elements().forEachRemaining(child -> replace(child, indexes, citations));
        } else if (node.isArray()) {
            node.elements().forEachRemaining(child -> replace(child, indexes, citations));
        }
    }
}
