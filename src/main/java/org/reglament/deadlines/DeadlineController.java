package org.reglament.deadlines;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.reglament.decision.DecisionEnvelope;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/v1/decisions", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Deadlines", description = "Periods and procedure deadlines on the production calendars")
public class DeadlineController {
    private final DeadlineDecisions deadlines;
    private final TimelineDecisions timelines;

    public DeadlineController(DeadlineDecisions deadlines, TimelineDecisions timelines) {
        this.deadlines = deadlines;
        this.timelines = timelines;
    }

    @PostMapping(path = "/period", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Count a period (days, working days, weeks, months, years; after or before an event)")
    public DecisionEnvelope<DeadlineAnswer> period(@Valid @RequestBody PeriodRequest request) {
        return deadlines.period(request);
    }

    @PostMapping(path = "/deadline", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The due date of one step of an act's procedure, with the counting trace")
    public DecisionEnvelope<DeadlineAnswer> deadline(@Valid @RequestBody DeadlineRequest request) {
        return deadlines.deadline(request);
    }

    @PostMapping(path = "/timeline", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Every deadline of one service's procedure with its due date and status on asOf")
    public DecisionEnvelope<Timeline> timeline(@Valid @RequestBody TimelineRequest request) {
        return timelines.timeline(request);
    }
}
