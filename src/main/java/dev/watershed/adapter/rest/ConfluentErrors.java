package dev.watershed.adapter.rest;

import dev.watershed.application.ccompat.ConfluentException;
import dev.watershed.domain.WatershedException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Errors of the Confluent-compatible API as its clients read them: {@code {"error_code": 40401, "message": "..."}}
 * with the HTTP status the code begins with, in Confluent's media type. Watershed's own refusals met on these paths
 * (a token refused, a change forbidden, a budget exceeded) are translated here, so no client there sees a problem
 * document it cannot parse.
 */
public class ConfluentErrors {

    static final String MEDIA_TYPE = "application/vnd.schemaregistry.v1+json";
    static final String PATH = "apis/ccompat/";

    @ServerExceptionMapper
    public Response confluent(ConfluentException e) {
        return answer(e.status(), e.errorCode(), e.getMessage());
    }

    /** Whether a request is one of the Confluent API's. */
    static boolean isConfluentPath(UriInfo uri) {
        String path = uri.getPath();
        return path.startsWith("/" + PATH) || path.startsWith(PATH);
    }

    /** A Watershed refusal on a Confluent path, with the closest Confluent code. */
    static Response translate(WatershedException e, int status) {
        int code = switch (e.code()) {
            case "ASSET_NOT_FOUND" -> ConfluentException.SUBJECT_NOT_FOUND;
            case "VERSION_NOT_FOUND" -> ConfluentException.VERSION_NOT_FOUND;
            case "INVALID_SCHEMA", "SCHEMA_TOO_DEEP", "SCHEMA_TOO_LARGE" -> ConfluentException.INVALID_SCHEMA;
            case "INCOMPATIBLE_SCHEMA" -> ConfluentException.INCOMPATIBLE_SCHEMA;
            default ->
                switch (status) {
                    case 401 -> 40101;
                    case 403 -> 40301;
                    case 500 -> ConfluentException.STORE_ERROR;
                    default -> status;
                };
        };
        return answer(code / (code >= 1000 ? 100 : 1), code, e.detail() + " (" + e.code() + ")");
    }

    /** Any other failure met on a Confluent path: the HTTP status as the code (500 as 50001, Confluent's store error). */
    static Response generic(int status, String code, String detail) {
        return answer(status, status == 500 ? ConfluentException.STORE_ERROR : status, detail + " (" + code + ")");
    }

    private static Response answer(int status, int code, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error_code", code);
        body.put("message", message);
        Response.ResponseBuilder response =
                Response.status(status).type(MEDIA_TYPE).entity(body);
        if (status == 401) {
            response.header("WWW-Authenticate", "Basic realm=\"watershed\"");
        }
        return response.build();
    }
}
