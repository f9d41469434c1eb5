package dev.watershed.domain.lineage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.watershed.domain.lineage.LineageTypes.Family;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LineageTypesTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "VARCHAR(255)|STRING",
                "character varying(10)|STRING",
                "uuid|STRING",
                "Enum|STRING",
                "BIGINT|INTEGER",
                "int64|INTEGER",
                "tinyint|INTEGER",
                "NUMBER(38,0)|INTEGER",
                "decimal(10)|INTEGER",
                "decimal(10,2)|NUMBER",
                "double precision|NUMBER",
                "float(53)|NUMBER",
                "number|NUMBER",
                "bool|BOOLEAN",
                "TIMESTAMP WITH TIME ZONE|TEMPORAL",
                "timestamp_ntz|TEMPORAL",
                "date|TEMPORAL",
                "varbinary|BYTES",
                "struct<a:int,b:string>|OBJECT",
                "map<string,int>|OBJECT",
                "ROW(a INTEGER)|OBJECT",
                "array<string>|ARRAY",
                "list|ARRAY",
                "text[]|ARRAY"
            })
    void typeNamesParseToTheirFamily(String type, Family family) {
        assertThat(LineageTypes.familyOf(type)).isEqualTo(family);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            nullValues = "null",
            value = {"null", "''", "geography", "union", "json", "(int)"})
    void unknownTypeNamesHaveNoFamily(String type) {
        assertThat(LineageTypes.familyOf(type)).isNull();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            nullValues = "null",
            value = {
                "array<string>|string",
                "ARRAY<ARRAY<INT>>|ARRAY<INT>",
                "text[]|text",
                "array(varchar)|varchar",
                "array|null",
                "string|null"
            })
    void anArrayTypeNameGivesItsElementType(String type, String element) {
        assertThat(LineageTypes.elementType(type)).isEqualTo(element);
    }
}
