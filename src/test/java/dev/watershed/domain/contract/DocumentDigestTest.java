package dev.watershed.domain.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class DocumentDigestTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static String digest(String json) throws Exception {
        return DocumentDigest.of(JSON.readTree(json)).sha256();
    }

    @Test
    void documentsWithTheSameCanonicalFormShareTheDigest() throws Exception {
        String written = "{\"type\":\"object\",\"properties\":{\"b\":{\"type\":\"string\"},\"a\":{\"enum\":[1,2]}}}";
        String reordered = "{\"properties\":{\"a\":{\"enum\":[1,2]},\"b\":{\"type\":\"string\"}},\"type\":\"object\"}";
        JsonNode one = JSON.readTree(written);
        JsonNode other = JSON.readTree(reordered);
        assertThat(SchemaParser.canonical(one)).isEqualTo(SchemaParser.canonical(other));
        assertThat(DocumentDigest.of(one)).isEqualTo(DocumentDigest.of(other));
    }

    @Test
    void documentsThatDifferDoNot() throws Exception {
        // each pair has different canonical forms, some of them easy to confuse in a careless encoding
        String[][] pairs = {
            {"{\"a\":\"bc\"}", "{\"ab\":\"c\"}"},
            {"[1,2]", "[12]"},
            {"[[1],2]", "[[1,2]]"},
            {"{\"a\":1}", "{\"a\":1.0}"},
            {"{\"a\":1}", "{\"a\":\"1\"}"},
            {"{\"a\":true}", "{\"a\":\"t\"}"},
            {"{\"a\":null}", "{\"a\":{}}"},
            {"[]", "{}"},
            {"\"é\"", "\"e\""},
            {"{\"enum\":[1,2]}", "{\"enum\":[2,1]}"}
        };
        for (String[] pair : pairs) {
            assertThat(digest(pair[0])).as("%s vs %s", pair[0], pair[1]).isNotEqualTo(digest(pair[1]));
        }
    }

    @Test
    void countsAboutTheLengthOfTheCompactJson() throws Exception {
        JsonNode schema = JSON.readTree("{\"type\":\"object\",\"properties\":{\"name\":{\"type\":\"string\"}}}");
        long compact = schema.toString().length();
        assertThat(DocumentDigest.of(schema).length()).isBetween(compact / 2, compact * 2);
    }
}
