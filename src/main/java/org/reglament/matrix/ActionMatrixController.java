package org.reglament.matrix;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.reglament.decision.CitationForm;
import org.reglament.decision.DecisionEnvelope;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/v1/decisions/action-matrix", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Action matrix", description = "Kamchatka guidelines, section 3.1: the nine actions of Decree No. 236")
public class ActionMatrixController {
    static final String CITATIONS = "inline (default): each citation in full where it applies; referenced: each stated "
            + "once in the answer's citations list and referred to by its index (citationRef), the same answer and digest";
    private final ActionMatrixDecisions decisions;

    public ActionMatrixController(ActionMatrixDecisions decisions) {
        this.decisions = decisions;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Derive the nine cells of a service's action matrix, with the rule and clause of each")
    public DecisionEnvelope<ActionMatrix> derive(@Valid @RequestBody ActionMatrixRequest request,
                                                 @Parameter(description = CITATIONS) @RequestParam(required = false)
                                                 String citations, HttpServletRequest http) {
        CitationForm.choose(http, citations);
        return decisions.derive(request);
    }

    @PostMapping(path = "/check", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Check a matrix an agency proposed: every cell that breaks a criterion, with its clause")
    public DecisionEnvelope<MatrixCheck> check(@Valid @RequestBody MatrixCheckRequest request,
                                               @Parameter(description = CITATIONS) @RequestParam(required = false)
                                               String citations, HttpServletRequest http) {
        CitationForm.choose(http, citations);
        return decisions.check(request);
    }
}
