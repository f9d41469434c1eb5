package dev.watershed.domain.declaration;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LocatedJsonTest {

    private static final String SCHEMA = """
            {
              "type": "object",
              "properties": {
                "id": {"type": "string"},
                "customer": {
                  "type": "object",
                  "properties": {
                    "country": {"type": "string"}
                  }
                },
                "tags": {"type": "array", "items": {"type": "string"}}
              },
              "required": ["id",
                "customer"]
            }
            """;

    @Test
    void findsTheLineOfEachPointer() {
        LocatedJson located = LocatedJson.of(SCHEMA);
        assertThat(located.lineOf("")).isEqualTo(1);
        assertThat(located.lineOf("/properties/id")).isEqualTo(4);
        assertThat(located.lineOf("/properties/customer/properties/country")).isEqualTo(8);
        assertThat(located.lineOf("/required/1")).isEqualTo(14);
    }

    @Test
    void aDataPathIsTheLineOfItsProperty() {
        LocatedJson located = LocatedJson.of(SCHEMA);
        assertThat(located.lineOfDataPath("/customer/country")).isEqualTo(8);
        assertThat(located.lineOfDataPath("/tags/*")).isEqualTo(11);
        assertThat(located.lineOfDataPath("/gone")).isEqualTo(3);
    }

    @Test
    void aPointerThatIsNotThereIsItsClosestAncestor() {
        assertThat(LocatedJson.of(SCHEMA).lineOf("/properties/customer/properties/zip"))
                .isEqualTo(7);
        assertThat(LocatedJson.of("not json").lineOf("/x")).isEqualTo(1);
    }
}
