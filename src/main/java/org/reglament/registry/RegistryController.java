package org.reglament.registry;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.reglament.amendments.AmendmentPlanCheck;
import org.reglament.amendments.AmendmentPlanDecisions;
import org.reglament.amendments.AmendmentPlanRequest;
import org.reglament.amendments.PlanAuthor;
import org.reglament.amendments.PlanLevel;
import org.reglament.api.AcceptRanges;
import org.reglament.api.RequestBodyLimit;
import org.reglament.decision.DecisionEnvelope;
import org.reglament.matrix.MfcOnlyBooking;
import org.reglament.matrix.OtherCasesDecidedBy;
import org.reglament.api.RequestValues;
import org.reglament.audit.ReplayTargets;
import org.reglament.audit.Replaying;
import org.reglament.log.DecisionLog;
import org.reglament.log.Receipt;
import org.reglament.log.ReceiptRecording;
import org.reglament.log.ReceiptRepository;
import org.reglament.knowledgebase.KnowledgeBase;
import org.reglament.knowledgebase.KnowledgeBases;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;
import org.reglament.decision.DecisionIds;
import org.reglament.decision.DecisionMetrics;
import org.reglament.decision.InvalidRequestException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * {@code POST /api/v1/registries/action-matrix}: a registry file in, the same file with the matrix derived or checked
 * out. The file is read as it arrives and the answer is written to a temporary file as it is decided, so neither is
 * ever held in memory; the answer is sent once the whole file has been read and the batch's receipt is in the log, so
 * a file that turns out unreadable halfway gets a clean 4xx, never half an answer.
 */
@RestController
@Tag(name = "Registries", description = "A whole registry file (CSV, XLSX, JSON Lines) through the action matrix")
public class RegistryController {
    static final String PATH = "/api/v1/registries/action-matrix";
    /** A plan of amendments (Kamchatka guidelines, section 2) as a table: read as a registry is, checked as a whole. */
    static final String PLAN_PATH = "/api/v1/registries/plan-of-amendments";
    /** The answer's headers: the batch's receipt, and how the rows came out. */
    static final String DECISION_ID = "Reglament-Decision-Id";
    static final String DIGEST = "Reglament-Receipt-Digest";

    private final Registries registries;
    private final RegistryReceipts receipts;
    private final DecisionMetrics metrics;
    private final RegistryReplay replays;
    private final ReceiptRepository log;
    private final DecisionLog decisionLog;
    private final KnowledgeBases knowledgeBases;
    private final ReplayTargets targets;
    private final AmendmentPlanDecisions plans;
    private final Validator validator;

    public RegistryController(Registries registries, RegistryReceipts receipts, DecisionMetrics metrics,
                              RegistryReplay replays, ReceiptRepository log, DecisionLog decisionLog,
                              KnowledgeBases knowledgeBases, ReplayTargets targets, AmendmentPlanDecisions plans,
                              Validator validator) {
        this.registries = registries;
        this.receipts = receipts;
        this.metrics = metrics;
        this.replays = replays;
        this.log = log;
        this.decisionLog = decisionLog;
        this.knowledgeBases = knowledgeBases;
        this.targets = targets;
        this.plans = plans;
        this.validator = validator;
    }

    @PostMapping(path = PATH, consumes = {RegistryFormat.CSV_TYPE, RegistryFormat.XLSX_TYPE, RegistryFormat.JSONL_TYPE,
            RegistryFormat.JSONL_ALTERNATIVE_TYPE, MediaType.MULTIPART_FORM_DATA_VALUE})
    @Operation(summary = "Derive or check the action matrix of every service of a registry file",
            description = "The body is the file (text/csv: UTF-8 with or without BOM, or Windows-1251, «;» or «,»; XLSX: "
                    + "the first sheet or ?sheet=; JSON Lines), or a multipart form with the file in the part «file». "
                    + "Columns are found by the Russian names of the matrix form (Kamchatka guidelines 3.1) plus the "
                    + "facts the criteria read: «Категория услуги», «Можно без очного представления оригиналов», "
                    + "«Личный приём в органе», «Пошлина или иные платежи», «Через МФЦ»; a check also reads 1*–9* and "
                    + "«Пояснительная записка приложена». The answer (format by Accept, default the input's) keeps the "
                    + "rows and columns and adds per row the values, rule, clause and reason of each cell, and the "
                    + "row's errors; XLSX adds the sheets «Сводка» and «Ошибки». A bad row is reported in its row; a "
                    + "file that cannot be read is refused with problem details. The batch is one receipt in the "
                    + "decision log (header " + DECISION_ID + "). Size limit: reglament.registry.max-body-bytes.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = {
                    @Content(mediaType = RegistryFormat.CSV_TYPE, schema = @Schema(type = "string", format = "binary")),
                    @Content(mediaType = RegistryFormat.XLSX_TYPE, schema = @Schema(type = "string", format = "binary")),
                    @Content(mediaType = RegistryFormat.JSONL_TYPE, schema = @Schema(type = "string", format = "binary")),
                    @Content(mediaType = MediaType.MULTIPART_FORM_DATA_VALUE,
                            schema = @Schema(type = "object", requiredProperties = "file"))}),
            responses = {
                    @ApiResponse(responseCode = "200", description = "The registry with its answer", content = {
                            @Content(mediaType = RegistryFormat.CSV_TYPE, schema = @Schema(type = "string", format = "binary")),
                            @Content(mediaType = RegistryFormat.XLSX_TYPE, schema = @Schema(type = "string", format = "binary")),
                            @Content(mediaType = RegistryFormat.JSONL_TYPE, schema = @Schema(type = "string", format = "binary"))}),
                    @ApiResponse(responseCode = "400", description = "The file cannot be read as a registry, or a parameter is wrong",
                            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE)),
                    @ApiResponse(responseCode = "406", description = "Accept names no registry format",
                            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE)),
                    @ApiResponse(responseCode = "413", description = "The file, a row, or its columns are too large",
                            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE)),
                    @ApiResponse(responseCode = "415", description = "The body is not the format it is declared as",
                            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE)),
                    @ApiResponse(responseCode = "422", description = "No encoded edition is in force on asOf",
                            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))})
    public void actionMatrix(
            @Parameter(description = "derive (default): fill in 1*–9*; check: check the proposed 1*–9*")
            @RequestParam(required = false) String mode,
            @Parameter(description = "The date decided for (YYYY-MM-DD)", required = true, example = "2018-10-01")
            @RequestParam(required = false) String asOf,
            @Parameter(description = "The sheet of an XLSX workbook (default: the first)")
            @RequestParam(required = false) String sheet,
            @Parameter(description = "3.1.4.2 where applicants are received in person only at the MFC: not-electronic (default, «0») or not-provided («-»), for every row")
            @RequestParam(required = false) String mfcOnlyBooking,
            @Parameter(description = "3.1.4.3 para. 3 at 100 or fewer applications: who decides action 3, working-group (default) or agency, for every row")
            @RequestParam(required = false) String otherCasesDecidedBy,
            HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        RegistryMode registryMode = mode(mode);
        MfcOnlyBooking booking = code("mfcOnlyBooking", mfcOnlyBooking, MfcOnlyBooking::fromCode);
        OtherCasesDecidedBy decidedBy = code("otherCasesDecidedBy", otherCasesDecidedBy, OtherCasesDecidedBy::fromCode);
        LocalDate date = asOf(asOf);
        Upload upload = upload(request);
        RegistryFormat output = output(request.getHeader("Accept"), upload.format());
        String decisionId = DecisionIds.next();
        Path answer = Files.createTempFile("reglament-registry-", "." + output.extension());
        try {
            BatchSummary summary;
            try (InputStream body = upload.body(); OutputStream out = Files.newOutputStream(answer)) {
                summary = registries.run(body, new Registries.Input(upload.format(), upload.charset(), sheet),
                        new Registries.Job(registryMode, date, output, decisionId, booking, decidedBy), out, done -> { });
            }
            String digest = receipts.record(summary, upload.format(), ReceiptRecording.caller());
            metrics.count(registryMode.decision(), summary.allClear() ? "all-clear" : "with-findings");
            response.setStatus(200);
            response.setContentType(output == RegistryFormat.CSV ? output.mediaType() + ";charset=UTF-8" : output.mediaType());
            response.setHeader("Content-Disposition", "attachment; filename=\"matrix." + output.extension() + "\"");
            response.setHeader(DECISION_ID, decisionId);
            if (digest != null) {
                response.setHeader(DIGEST, digest);
            }
            response.setContentLengthLong(Files.size(answer));
            try (OutputStream out = response.getOutputStream()) {
                Files.copy(answer, out);
            }
        } finally {
            Files.deleteIfExists(answer);
        }
    }

    @PostMapping(path = PLAN_PATH, consumes = {RegistryFormat.CSV_TYPE, RegistryFormat.XLSX_TYPE,
            RegistryFormat.JSONL_TYPE, RegistryFormat.JSONL_ALTERNATIVE_TYPE, MediaType.MULTIPART_FORM_DATA_VALUE},
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Tag(name = "Plan of amendments")
    @Operation(summary = "Check a plan of amendments sent as a spreadsheet (CSV, XLSX, JSON Lines)",
            description = "Kamchatka guidelines, section 2. The file is a table in the recommended form: «№ п/п», "
                    + "«Наименование услуги (подуслуги)», «ИОГВ/ОМСУ», «Реквизиты Административного регламента», «Срок "
                    + "внесения изменений», «Ответственное должностное лицо» (a title row above the header is found, "
                    + "not assumed; a column the form recommends and the file lacks is a finding of the check), with "
                    + "an optional «Среднее количество заявлений в год» for «в первую очередь… наиболее "
                    + "востребованных». Terms: DD.MM.YYYY or YYYY-MM-DD. What the table does not say (who drew it up, "
                    + "its approval, an ОМСУ's level) comes as parameters. The answer is the same envelope as POST "
                    + "/api/v1/decisions/plan-of-amendments/check, and the receipt records the plan as that endpoint "
                    + "takes it. Size limit: reglament.registry.max-body-bytes; at most 5000 rows.")
    public DecisionEnvelope<AmendmentPlanCheck> planOfAmendments(
            @Parameter(description = "The date decided for (YYYY-MM-DD)", required = true, example = "2018-10-01")
            @RequestParam(required = false) String asOf,
            @Parameter(description = "Who drew the plan up: iogv or omsu", required = true, example = "iogv")
            @RequestParam(required = false) String author,
            @Parameter(description = "true: approved by an order of the ИОГВ (2 para. 2); absent: not stated")
            @RequestParam(required = false) String approvedByOrder,
            @Parameter(description = "An ОМСУ's plan: municipal-district, urban-district or settlement (2 para. 3)")
            @RequestParam(required = false) String level,
            @Parameter(description = "The sheet of an XLSX workbook (default: the first)")
            @RequestParam(required = false) String sheet,
            HttpServletRequest request) throws IOException, ServletException {
        LocalDate date = asOf(asOf);
        PlanAuthor planAuthor = code("author", author, PlanAuthor::fromCode);
        if (planAuthor == null) {
            throw new InvalidRequestException("author", "required: iogv (an executive body of the krai) or omsu (a local government)");
        }
        PlanLevel planLevel = code("level", level, PlanLevel::fromCode);
        Boolean approved = code("approvedByOrder", approvedByOrder, RegistryController::bool);
        Upload upload = upload(request);
        AmendmentPlanFile.Read plan;
        try (InputStream body = upload.body()) {
            plan = registries.read(body, new Registries.Input(upload.format(), upload.charset(), sheet),
                    new AmendmentPlanFile(plans.formColumns()));
        }
        AmendmentPlanRequest asked = new AmendmentPlanRequest(date, new AmendmentPlanRequest.Plan(planAuthor, approved,
                planLevel, plan.columns(), plan.rows()));
        for (ConstraintViolation<AmendmentPlanRequest> violation : validator.validate(asked)) {
            throw new InvalidRequestException(violation.getPropertyPath().toString(), violation.getMessage());
        }
        ReceiptRecording.answering(request, asked);
        return plans.check(asked);
    }

    private static <T> T code(String field, String value, java.util.function.Function<String, T> parse) {
        if (value == null) {
            return null;
        }
        try {
            return parse.apply(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(field, e.getMessage());
        }
    }

    private static Boolean bool(String value) {
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("\"" + value + "\" is neither true nor false");
        };
    }

    @PostMapping(path = "/api/v1/audit/decisions/{decisionId}/replay", consumes = {RegistryFormat.CSV_TYPE,
            RegistryFormat.XLSX_TYPE, RegistryFormat.JSONL_TYPE, RegistryFormat.JSONL_ALTERNATIVE_TYPE,
            MediaType.MULTIPART_FORM_DATA_VALUE}, produces = MediaType.APPLICATION_JSON_VALUE)
    @Tag(name = "Audit")
    @Operation(summary = "Replay a registry batch with its file: an account per row (role AUDITOR)",
            description = "The body is the file the batch answered (its SHA-256 must be the receipt's, else 409). Its "
                    + "rows are decided again with the recorded knowledge-base version: answers.reproduced tells "
                    + "whether the digest over all rows' answers is the receipt's (it proves every row's answer, or "
                    + "that some row's differs). With against=current or a kept version, every row is decided with "
                    + "that one too: rows[].status reproduced/changed with the cells that change, and impact tallies "
                    + "them by cell and clause as POST /api/v1/audit/impact tallies receipts.")
    public void replay(@PathVariable String decisionId,
                       @Parameter(description = "current, or a kept knowledge-base version (default: the recorded one)")
                       @RequestParam(required = false) String against,
                       HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        if (against != null && against.isBlank()) {
            throw new InvalidRequestException("against", "empty; give current or a knowledge-base version, or leave"
                    + " it out to replay with the version that answered");
        }
        decisionLog.awaitStored();
        Receipt receipt = log.byDecisionId(decisionId).orElseThrow(() -> new ResponseStatusException(
                HttpStatus.NOT_FOUND, "no receipt of decision " + decisionId));
        if (RegistryMode.ofDecision(receipt.decision()) == null) {
            throw new InvalidRequestException("(body)", "decision " + decisionId + " is a " + receipt.decision()
                    + ", not a registry batch: replay it without a file");
        }
        KnowledgeBase recorded = knowledgeBases.named(receipt.knowledgeBaseVersion()).orElseThrow(() ->
                new ResponseStatusException(HttpStatus.NOT_FOUND, "the version that answered the batch, "
                        + receipt.knowledgeBaseVersion() + ", is not kept"));
        Upload upload = upload(request);
        Path account = Files.createTempFile("reglament-replay-", ".json");
        try (Replaying replaying = against == null || against.equals(recorded.version()) ? null
                : targets.open(against, recorded.version())) {
            try (InputStream body = upload.body(); OutputStream out = Files.newOutputStream(account)) {
                replays.replay(receipt, body, upload.format(), upload.charset(), recorded, replaying, out);
            }
            response.setStatus(200);
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.setContentLengthLong(Files.size(account));
            try (OutputStream out = response.getOutputStream()) {
                Files.copy(account, out);
            }
        } finally {
            Files.deleteIfExists(account);
        }
    }

    @ExceptionHandler(RegistryReplay.NotTheRecordedFile.class)
    ResponseEntity<ProblemDetail> notTheRecordedFile(RegistryReplay.NotTheRecordedFile e, HttpServletRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, "(body): " + e.getMessage());
        problem.setType(java.net.URI.create("/problems/not-the-recorded-file"));
        problem.setTitle("The file is not the one the receipt recorded");
        problem.setProperty("field", "(body)");
        problem.setProperty("errors", java.util.List.of(new org.reglament.api.InputProblems.FieldProblem("(body)",
                e.getMessage())));
        return ResponseEntity.status(HttpStatus.CONFLICT).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    @ExceptionHandler(RegistryFileException.class)
    ResponseEntity<ProblemDetail> unreadable(RegistryFileException e, HttpServletRequest request) {
        metrics.count("registry", DecisionMetrics.REJECTED);
        return ResponseEntity.status(RegistryProblems.status(e.kind())).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(RegistryProblems.problem(e, request.getRequestURI()));
    }

    @ExceptionHandler({RequestBodyLimit.BodyTooLargeException.class, MaxUploadSizeExceededException.class})
    ResponseEntity<Object> tooLarge(Exception e, HttpServletRequest request) {
        metrics.count("registry", DecisionMetrics.REJECTED);
        return RequestBodyLimit.tooLarge(request.getRequestURI());
    }

    /** The file: the body itself, or the part «file» of a multipart form. */
    record Upload(RegistryFormat format, Charset charset, InputStreamSource source) {
        InputStream body() throws IOException {
            return source.open();
        }
    }

    interface InputStreamSource {
        InputStream open() throws IOException;
    }

    static Upload upload(HttpServletRequest request) throws IOException, ServletException {
        String contentType = request.getContentType();
        if (contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith(MediaType.MULTIPART_FORM_DATA_VALUE)) {
            Part part = request.getPart("file");
            if (part == null) {
                throw new InvalidRequestException("file", "a multipart form carries the registry in its part «file»");
            }
            if (request.getParts().stream().filter(p -> "file".equals(p.getName())).count() > 1) {
                // One batch, one file: which of two the receipt should record is not for the service to guess.
                throw new InvalidRequestException("file", "the form carries more than one part «file»; send one");
            }
            Optional<RegistryFormat> format = RegistryFormat.ofMediaType(part.getContentType())
                    .or(() -> part.getSubmittedFileName() == null ? Optional.empty()
                            : RegistryFormat.ofFileName(part.getSubmittedFileName()));
            RegistryFormat known = format.orElseThrow(() -> new RegistryFileException(
                    RegistryFileException.Kind.UNSUPPORTED_FORMAT, "file", "the part «file» is neither CSV, XLSX nor "
                    + "JSON Lines by its type (" + part.getContentType() + ") or name (" + part.getSubmittedFileName() + ")"));
            return new Upload(known, charset(part.getContentType()), part::getInputStream);
        }
        RegistryFormat format = RegistryFormat.ofMediaType(contentType).orElseThrow(() -> new RegistryFileException(
                RegistryFileException.Kind.UNSUPPORTED_FORMAT, "(body)", "the body is neither CSV, XLSX nor JSON Lines"));
        return new Upload(format, charset(contentType), request::getInputStream);
    }

    static Charset charset(String contentType) {
        if (contentType == null) {
            return null;
        }
        for (String parameter : contentType.split(";")) {
            String[] pair = parameter.trim().split("=", 2);
            if (pair.length == 2 && pair[0].trim().equalsIgnoreCase("charset")) {
                String name = pair[1].trim().replace("\"", "");
                try {
                    return Charset.forName(name);
                } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
                    throw new InvalidRequestException("Content-Type", "charset «" + name + "» is not known");
                }
            }
        }
        return null;
    }

    /** The format Accept asks for; the input's when it asks for anything. */
    static RegistryFormat output(String accept, RegistryFormat input) throws NotAcceptable {
        if (accept == null || accept.isBlank()) {
            return input;
        }
        // Readable media types (AcceptableAnswer refused the rest), the most wanted first, in the order sent among
        // equals. A format is taken in the turn of the range that says how much it is wanted, the most specific one
        // covering it (RFC 9110 §12.5.1, AcceptRanges): «text/csv;q=0, */*» and «text/*;q=0, */*» refuse CSV, and
        // «text/csv;q=0.5, */*;q=0.9» wants it after the formats the wildcard covers.
        // An alias of a format's type («application/jsonl», «application/csv») is read as the format's own type, so
        // that the ranges are weighed against one type per format.
        java.util.List<MediaType> sent = MediaType.parseMediaTypes(accept).stream().map(range ->
                range.isWildcardType() || range.isWildcardSubtype() ? range
                        : RegistryFormat.ofMediaType(range.getType() + "/" + range.getSubtype())
                                .map(format -> new MediaType(MediaType.parseMediaType(format.mediaType()),
                                        range.getParameters()))
                                .orElse(range)).toList();
        java.util.List<MediaType> ranges = new java.util.ArrayList<>(sent);
        ranges.sort(java.util.Comparator.comparingDouble(MediaType::getQualityValue).reversed());
        for (MediaType range : ranges) {
            if (range.getQualityValue() == 0) {
                break; // the rest refuse what they cover
            }
            // A wildcard («*/*», «application/*») takes the input's format where it covers it, else the first it
            // covers.
            java.util.List<RegistryFormat> covered = new java.util.ArrayList<>();
            if (!range.isWildcardType() && !range.isWildcardSubtype()) {
                RegistryFormat.ofMediaType(range.getType() + "/" + range.getSubtype()).ifPresent(covered::add);
            } else {
                if (range.includes(MediaType.parseMediaType(input.mediaType()))) {
                    covered.add(input);
                }
                for (RegistryFormat format : RegistryFormat.values()) {
                    if (range.includes(MediaType.parseMediaType(format.mediaType()))) {
                        covered.add(format);
                    }
                }
            }
            for (RegistryFormat format : covered) {
                // Weighed on the ranges as sent: among ranges as specific, the first sent says, as on the JSON endpoints.
                if (AcceptRanges.quality(sent, MediaType.parseMediaType(format.mediaType())) >= range.getQualityValue()) {
                    return format;
                }
            }
        }
        throw new NotAcceptable();
    }

    static RegistryMode mode(String mode) {
        return mode == null ? RegistryMode.DERIVE : code("mode", mode, RegistryMode::of);
    }

    static LocalDate asOf(String asOf) {
        if (asOf == null || asOf.isBlank()) {
            throw new InvalidRequestException("asOf", "required: the date decided for (YYYY-MM-DD); a decision never "
                    + "takes today's date by itself");
        }
        try {
            return RequestValues.date(asOf); // as every other date a request gives: YYYY-MM-DD, years 2000–2100
        } catch (RequestValues.Refused e) {
            throw new InvalidRequestException("asOf", e.getMessage());
        }
    }

    /**
     * Accept names only formats a registry is not written in: the 406 every endpoint gives (InputProblems), naming
     * the formats a registry is written in.
     */
    static final class NotAcceptable extends org.springframework.web.HttpMediaTypeNotAcceptableException {
        NotAcceptable() {
            super(java.util.Arrays.stream(RegistryFormat.values()).map(f -> MediaType.parseMediaType(f.mediaType()))
                    .toList());
        }
    }
}
