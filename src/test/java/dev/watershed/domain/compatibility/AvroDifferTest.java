package dev.watershed.domain.compatibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.junit.jupiter.api.Test;

class AvroDifferTest {

    @Test
    void recordsNestedAThousandLevelsDeepStopWithSchemaTooDeep() {
        Schema previous = nested(1_000, Schema.Type.INT);
        Schema next = nested(1_000, Schema.Type.LONG);

        assertThatThrownBy(() -> new AvroDiffer().diff(previous, next)).isInstanceOf(SchemaTooDeepException.class);
    }

    @Test
    void breakFlagsAgreeWithAvrosOwnVerdictInBothDirections() {
        Schema previous = parse("""
                {"type": "record", "name": "R", "fields": [{"name": "a", "type": "int"},
                 {"name": "tags", "type": {"type": "array", "items": "string"}}]}""");
        Schema next = parse("""
                {"type": "record", "name": "R", "fields": [{"name": "a", "type": "long"},
                 {"name": "b", "type": "string"}, {"name": "tags", "type": {"type": "array", "items": "bytes"}}]}""");

        List<Difference> differences = new AvroDiffer().diff(previous, next);

        assertThat(differences.stream().anyMatch(Difference::breaksBackward)).isEqualTo(incompatible(next, previous));
        assertThat(differences.stream().anyMatch(Difference::breaksForward)).isEqualTo(incompatible(previous, next));
        assertThat(differences).extracting(Difference::path).contains("/a", "/b", "/tags/*");
    }

    @Test
    void defaultsAreShownAsTheSchemaWritesThem() {
        Schema previous = parse("""
                {"type": "record", "name": "R",
                 "fields": [{"name": "currency", "type": "string", "default": "EUR"}]}""");
        Schema next = parse("""
                {"type": "record", "name": "R", "fields": [{"name": "currency", "type": "string", "default": "USD"},
                 {"name": "note", "type": ["null", "string"], "default": null}]}""");

        assertThat(new AvroDiffer().diff(previous, next))
                .extracting(Difference::message)
                .anyMatch(
                        message -> message.startsWith("field `currency` changed its default from \"EUR\" to \"USD\":"))
                .anyMatch(message -> message.startsWith("field `note` was added with default null:"));
    }

    private static boolean incompatible(Schema reader, Schema writer) {
        return SchemaCompatibility.checkReaderWriterCompatibility(reader, writer)
                        .getType()
                == SchemaCompatibilityType.INCOMPATIBLE;
    }

    private static Schema nested(int depth, Schema.Type leaf) {
        Schema schema = Schema.create(leaf);
        for (int level = 0; level < depth; level++) {
            Schema record = Schema.createRecord("Level" + level, null, "dev.watershed.test", false);
            record.setFields(List.of(new Schema.Field("inner", schema)));
            schema = record;
        }
        return schema;
    }

    private static Schema parse(String json) {
        return new Schema.Parser().parse(json);
    }
}
