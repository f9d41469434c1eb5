package dev.watershed.adapter.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URL;
import java.nio.ByteBuffer;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.stream.schema.registry.SchemaReference;
import org.springframework.cloud.stream.schema.registry.SchemaRegistrationResponse;
import org.springframework.cloud.stream.schema.registry.client.ConfluentSchemaRegistryClient;
import org.springframework.http.client.support.BasicAuthenticationInterceptor;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestTemplate;

/**
 * A third-party client of the Confluent API (Spring Cloud Stream's {@link ConfluentSchemaRegistryClient}) against
 * the registry: register, fetch by id and by subject and version, and a record in Confluent's wire format (magic
 * byte 0, the schema id as 4 big-endian bytes, Avro binary) read back by looking its schema up by id.
 */
@QuarkusTest
class ConfluentClientTest {

    private static final String ORDER = """
            {"type": "record", "name": "Order", "namespace": "shop",
             "fields": [{"name": "id", "type": "string"}, {"name": "amount", "type": "double"}]}""";

    @TestHTTPResource("/apis/ccompat/v7")
    URL endpoint;

    @Test
    void registersFetchesAndReadsBackARecordInTheWireFormat() throws IOException {
        String team = Api.createTeam();
        ConfluentSchemaRegistryClient client = client(Api.editorToken(team));
        String subject = Api.unique("payments") + "-value";

        SchemaRegistrationResponse registered = client.register(subject, "avro", ORDER);
        assertThat(registered.getId()).isPositive();
        assertThat(registered.getSchemaReference().getVersion()).isEqualTo(1);
        assertThat(client.register(subject, "avro", ORDER).getId()).isEqualTo(registered.getId());

        Schema byId = new Schema.Parser().parse(client.fetch(registered.getId()));
        Schema bySubject = new Schema.Parser().parse(client.fetch(new SchemaReference(subject, 1, "avro")));
        assertThat(byId).isEqualTo(new Schema.Parser().parse(ORDER)).isEqualTo(bySubject);

        // A producer's serializer writes the id before the record; a consumer reads the id and asks for the schema.
        GenericRecord order = new GenericData.Record(byId);
        order.put("id", "o-1");
        order.put("amount", 12.5);
        byte[] message = wireFormat(registered.getId(), order);

        ByteBuffer buffer = ByteBuffer.wrap(message);
        assertThat(buffer.get()).isZero();
        int id = buffer.getInt();
        Schema writer = new Schema.Parser().parse(client.fetch(id));
        GenericRecord read = new GenericDatumReader<GenericRecord>(writer)
                .read(null, DecoderFactory.get().binaryDecoder(message, 5, message.length - 5, null));
        assertThat(read.get("id").toString()).isEqualTo("o-1");
        assertThat(read.get("amount")).isEqualTo(12.5);

        // What Watershed adds behind it: the subject is an asset with a semantic version and an owner.
        given().get("/api/v1/assets/" + subject.replace("-value", "") + "/contracts/latest")
                .then()
                .statusCode(200)
                .body("version", org.hamcrest.Matchers.equalTo("1.0.0"));
    }

    @Test
    void anIncompatibleRegistrationFailsInTheClient() {
        ConfluentSchemaRegistryClient client = client(Api.editorToken(Api.createTeam()));
        String subject = Api.unique("refunds") + "-value";
        client.register(subject, "avro", ORDER);
        String withoutAmount = ORDER.replace(", {\"name\": \"amount\", \"type\": \"double\"}", "")
                .replace(
                        "\"id\", \"type\": \"string\"}",
                        "\"id\", \"type\": \"string\"}, {\"name\": \"total\"," + " \"type\": \"double\"}");
        assertThatThrownBy(() -> client.register(subject, "avro", withoutAmount))
                .hasRootCauseInstanceOf(HttpClientErrorException.Conflict.class);
    }

    private ConfluentSchemaRegistryClient client(String token) {
        RestTemplate rest = new RestTemplate();
        // As Kafka clients send it: basic.auth.user.info=<anything>:<token>
        rest.getInterceptors().add(new BasicAuthenticationInterceptor("ci", token));
        ConfluentSchemaRegistryClient client = new ConfluentSchemaRegistryClient(rest);
        client.setEndpoint(endpoint.toString());
        return client;
    }

    private static byte[] wireFormat(int id, GenericRecord record) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0);
        out.write(ByteBuffer.allocate(4).putInt(id).array());
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new GenericDatumWriter<GenericRecord>(record.getSchema()).write(record, encoder);
        encoder.flush();
        return out.toByteArray();
    }
}
