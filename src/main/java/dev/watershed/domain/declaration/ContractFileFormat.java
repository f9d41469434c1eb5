package dev.watershed.domain.declaration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import dev.watershed.domain.contract.FieldPath;
import dev.watershed.domain.schema.JsonSchemaCompiler;
import dev.watershed.domain.schema.RemoteRefPolicy;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The JSON Schemas of the contract file format ({@code contract-format/watershed-contract.schema.json} and
 * {@code watershed-teams.schema.json} on the class path), checked with networknt.
 */
final class ContractFileFormat {

    static final String ASSET_SCHEMA = "/contract-format/watershed-contract.schema.json";
    static final String TEAMS_SCHEMA = "/contract-format/watershed-teams.schema.json";

    /** One violation of the format, at a JSON Pointer of the checked document. */
    record Violation(String pointer, String message) {}

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Schema assetSchema;
    private final Schema teamsSchema;

    ContractFileFormat() {
        // Through the same reference policy as every other schema, although these two are our own.
        JsonSchemaCompiler compiler = new JsonSchemaCompiler(RemoteRefPolicy.localOnly());
        this.assetSchema = compiler.compile(resource(ASSET_SCHEMA), SpecificationVersion.DRAFT_2020_12);
        this.teamsSchema = compiler.compile(resource(TEAMS_SCHEMA), SpecificationVersion.DRAFT_2020_12);
    }

    List<Violation> checkAsset(JsonNode document) {
        return violations(assetSchema, document);
    }

    List<Violation> checkTeams(JsonNode document) {
        return violations(teamsSchema, document);
    }

    private static List<Violation> violations(Schema schema, JsonNode document) {
        Set<Violation> found = new LinkedHashSet<>();
        for (Error error : schema.validate(document)) {
            String pointer = pointer(error.getInstanceLocation());
            if ("additionalProperties".equals(error.getKeyword()) && error.getProperty() != null) {
                // Point at the unexpected key itself, not at the object holding it.
                pointer = FieldPath.child(pointer, error.getProperty());
            }
            found.add(new Violation(pointer, (pointer.isEmpty() ? "" : pointer + ": ") + error.getMessage()));
        }
        return new ArrayList<>(found);
    }

    private static String pointer(NodePath path) {
        StringBuilder pointer = new StringBuilder();
        for (int i = 0; i < path.getNameCount(); i++) {
            Object element = path.getElement(i);
            pointer.append('/')
                    .append(
                            element instanceof Integer index
                                    ? index.toString()
                                    : FieldPath.escape(String.valueOf(element)));
        }
        return pointer.toString();
    }

    private static JsonNode resource(String name) {
        try (InputStream in = ContractFileFormat.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(
                        "the contract file format schema " + name + " is not on the class path");
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + name, e);
        }
    }
}
