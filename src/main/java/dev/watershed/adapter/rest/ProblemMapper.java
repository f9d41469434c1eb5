package dev.watershed.adapter.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.PropertyBindingException;
import dev.watershed.application.validation.UnsupportedBatchFormatException;
import dev.watershed.domain.ConflictException;
import dev.watershed.domain.InvalidInputException;
import dev.watershed.domain.NotFoundException;
import dev.watershed.domain.WatershedException;
import dev.watershed.domain.auth.AuthenticationRequiredException;
import dev.watershed.domain.auth.ForbiddenException;
import dev.watershed.domain.contract.InvalidSchemaException;
import dev.watershed.domain.graph.DependencyCycleException;
import dev.watershed.domain.validation.BatchTooLargeException;
import dev.watershed.domain.validation.BlockTooLargeException;
import dev.watershed.domain.validation.MalformedRecordException;
import dev.watershed.domain.validation.RecordTooLargeException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one place where failures become HTTP responses: every one of them an {@code application/problem+json}
 * document. Client mistakes are not logged as errors; anything unexpected is logged once with its cause and
 * answered with a 500 that gives nothing away.
 */
public class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);
    private static final Pattern PARSER_LIMIT = Pattern.compile("maximum allowed \\((\\d+)");

    /** Status of each kind of domain failure; the most specific class that matches wins. */
    private static final Map<Class<? extends WatershedException>, Integer> STATUS = new LinkedHashMap<>();

    static {
        STATUS.put(AuthenticationRequiredException.class, 401);
        STATUS.put(ForbiddenException.class, 403);
        STATUS.put(NotFoundException.class, 404);
        STATUS.put(ConflictException.class, 409);
        STATUS.put(DependencyCycleException.class, 409);
        STATUS.put(BatchTooLargeException.class, 413);
        STATUS.put(RecordTooLargeException.class, 413);
        STATUS.put(BlockTooLargeException.class, 413);
        STATUS.put(MalformedRecordException.class, 400);
        STATUS.put(UnsupportedBatchFormatException.class, 415);
        STATUS.put(LineageBodies.EventTooLargeException.class, 413);
        STATUS.put(LineageBodies.UndecodableBodyException.class, 400);
        STATUS.put(InvalidInputException.class, 422);
    }

    @ServerExceptionMapper
    public Response domain(WatershedException e, UriInfo uri) {
        if (RequestBodies.interruption(e) != null) {
            return interruptedBody(RequestBodies.interruption(e), uri);
        }
        int status = statusOf(e);
        if (ConfluentErrors.isConfluentPath(uri)) {
            return ConfluentErrors.translate(e, status);
        }
        Problem problem = new Problem(status, titleOf(status), e.code(), e.detail(), instance(uri));
        if (e instanceof InvalidInputException invalid) {
            problem.with("pointer", invalid.pointer());
        }
        if (e instanceof InvalidSchemaException invalidSchema
                && !invalidSchema.reasons().isEmpty()) {
            problem.with("violations", invalidSchema.reasons());
        }
        e.details().forEach(problem::with);
        Response.ResponseBuilder response = answer(problem);
        if (status == 401) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"watershed\"");
        }
        return response.build();
    }

    @ServerExceptionMapper
    public Response tooDeep(StreamConstraintsException e, UriInfo uri) {
        // Jackson's message names its own settings class; say the limit in JSON's terms instead.
        String message = String.valueOf(e.getOriginalMessage());
        Matcher limit = PARSER_LIMIT.matcher(message);
        String allowed = limit.find() ? " (at most " + limit.group(1) + ")" : "";
        if (message.contains("nesting depth")) {
            return respond(
                    422,
                    "NESTING_TOO_DEEP",
                    "the request nests JSON deeper than the parser allows" + allowed + "; flatten it",
                    uri);
        }
        return respond(
                422,
                "VALUE_TOO_LONG",
                "the request holds a JSON number or string longer than the parser" + " allows" + allowed
                        + "; shorten it",
                uri);
    }

    @ServerExceptionMapper
    public Response invalidValue(InvalidFormatException e, UriInfo uri) {
        String allowed = e.getTargetType() != null && e.getTargetType().isEnum()
                ? ": use one of "
                        + Arrays.stream(e.getTargetType().getEnumConstants())
                                .map(String::valueOf)
                                .collect(Collectors.joining(", "))
                : "";
        Problem problem = new Problem(
                        422,
                        titleOf(422),
                        "INVALID_INPUT",
                        "value " + e.getValue() + " at " + pointer(e) + " is not valid" + allowed,
                        instance(uri))
                .with("pointer", pointer(e));
        return answer(problem).build();
    }

    @ServerExceptionMapper
    public Response wrongShape(MismatchedInputException e, UriInfo uri) {
        String where = pointer(e).isEmpty() ? "the request body" : "the JSON at " + pointer(e);
        String detail = e instanceof PropertyBindingException unknown
                ? where + " has a member '" + unknown.getPropertyName() + "' that this endpoint does not take"
                : where + " has the wrong shape: " + JsonShapes.expected(e.getTargetType());
        Problem problem =
                new Problem(400, titleOf(400), "MALFORMED_REQUEST", detail, instance(uri)).with("pointer", pointer(e));
        return answer(problem).build();
    }

    @ServerExceptionMapper
    public Response malformed(JsonProcessingException e, UriInfo uri) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof StreamConstraintsException tooDeep) {
                return tooDeep(tooDeep, uri);
            }
            if (cause instanceof StreamReadException unreadable) {
                // Not JSON (or a member given twice), also when found while binding.
                return respond(
                        400,
                        "MALFORMED_JSON",
                        "the request body is not valid JSON: " + unreadable.getOriginalMessage(),
                        uri);
            }
        }
        if (e instanceof JsonMappingException) {
            // Valid JSON that cannot be bound; Jackson's message would name Java types.
            return respond(
                    400,
                    "MALFORMED_REQUEST",
                    "the request body does not have the shape this endpoint takes:" + " see /q/openapi",
                    uri);
        }
        return respond(400, "MALFORMED_JSON", "the request body is not valid JSON: " + e.getOriginalMessage(), uri);
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e, UriInfo uri) {
        Throwable cause = e.getCause();
        if (cause instanceof JsonProcessingException json) {
            return cause instanceof InvalidFormatException invalid
                    ? invalidValue(invalid, uri)
                    : cause instanceof MismatchedInputException mismatch
                            ? wrongShape(mismatch, uri)
                            : malformed(json, uri);
        }
        int status = e.getResponse().getStatus();
        String code = switch (status) {
            case 400 -> "MALFORMED_REQUEST";
            case 404 -> "NOT_FOUND";
            case 405 -> "METHOD_NOT_ALLOWED";
            case 406 -> "NOT_ACCEPTABLE";
            case 413 -> "PAYLOAD_TOO_LARGE";
            case 415 -> "UNSUPPORTED_MEDIA_TYPE";
            default -> status >= 500 ? "INTERNAL_ERROR" : "HTTP_" + status;
        };
        if (status >= 500) {
            LOG.error("request failed: " + uri.getPath(), e);
        }
        String detail = status == 404
                ? "no resource at " + uri.getPath() + ": see /q/openapi for the API"
                : status == 415
                        ? "this endpoint does not accept that Content-Type: see /q/openapi for what it takes"
                        : e.getMessage();
        return respond(status, code, detail, uri);
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, UriInfo uri) {
        if (RequestBodies.interruption(e) != null) {
            return interruptedBody(RequestBodies.interruption(e), uri);
        }
        Optional<StoreRefusal> refusal = StoreRefusal.of(e);
        if (refusal.isPresent()) {
            return storeRefusal(refusal.get(), uri);
        }
        LOG.error("unexpected failure on " + uri.getPath(), e);
        return respond(500, "INTERNAL_ERROR", "the registry failed to handle this request; the failure is logged", uri);
    }

    /**
     * A write that lost a race the row locks do not cover (two requests creating the same name at once), or that
     * waited too long for its turn, which may be sent again; or a value the database cannot store.
     */
    private static Response storeRefusal(StoreRefusal refusal, UriInfo uri) {
        LOG.debugf("the database refused %s: %s", uri.getPath(), refusal);
        Response response = respond(refusal.status(), refusal.code(), refusal.detail(), uri);
        return refusal.status() == 503
                ? Response.fromResponse(response)
                        .header(HttpHeaders.RETRY_AFTER, "1")
                        .build()
                : response;
    }

    /** The client went away, or was cut for sending too slowly: one quiet line, and an answer nobody may read. */
    private static Response interruptedBody(IOException e, UriInfo uri) {
        LOG.debugf("the body of %s stopped arriving: %s", uri == null ? "?" : uri.getPath(), e.getMessage());
        return respond(400, "BODY_INTERRUPTED", "the request body stopped arriving before its end", uri);
    }

    private static Response respond(int status, String code, String detail, UriInfo uri) {
        if (uri != null && ConfluentErrors.isConfluentPath(uri)) {
            return ConfluentErrors.generic(status, code, detail);
        }
        return answer(new Problem(status, titleOf(status), code, detail, instance(uri)))
                .build();
    }

    private static Response.ResponseBuilder answer(Problem problem) {
        return Response.status(problem.status).type(MediaTypes.PROBLEM_JSON).entity(problem);
    }

    static int statusOf(WatershedException e) {
        for (Map.Entry<Class<? extends WatershedException>, Integer> entry : STATUS.entrySet()) {
            if (entry.getKey().isInstance(e)) {
                return entry.getValue();
            }
        }
        // A domain rule the client broke but that has no more specific class: treat as invalid input.
        return 422;
    }

    private static String pointer(JsonMappingException e) {
        StringBuilder pointer = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            pointer.append('/');
            pointer.append(
                    reference.getFieldName() != null
                            ? reference.getFieldName().replace("~", "~0").replace("/", "~1")
                            : String.valueOf(reference.getIndex()));
        }
        return pointer.toString();
    }

    private static String instance(UriInfo uri) {
        return uri == null ? null : uri.getRequestUri().getRawPath();
    }

    static String titleOf(int status) {
        Response.Status known = Response.Status.fromStatusCode(status);
        return known != null ? known.getReasonPhrase() : status == 422 ? "Unprocessable Content" : "Error";
    }
}
