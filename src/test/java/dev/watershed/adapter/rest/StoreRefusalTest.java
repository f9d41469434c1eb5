package dev.watershed.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** Which database refusals are the client's or a race's, by SQL state as H2 and PostgreSQL report them. */
class StoreRefusalTest {

    @Test
    void aUniqueKeyTakenMeanwhileIsAConflict() {
        assertThat(StoreRefusal.of(wrapped("23505"))).hasValueSatisfying(refusal -> {
            assertThat(refusal.status()).isEqualTo(409);
            assertThat(refusal.code()).isEqualTo("CONCURRENT_WRITE");
        });
    }

    @Test
    void aLockNotGrantedInTimeIsRetryable() {
        assertThat(StoreRefusal.of(wrapped("HYT00")))
                .hasValueSatisfying(refusal -> assertThat(refusal.status()).isEqualTo(503));
        assertThat(StoreRefusal.of(wrapped("55P03")))
                .hasValueSatisfying(refusal -> assertThat(refusal.code()).isEqualTo("WRITE_CONTENTION"));
    }

    @Test
    void aNulCharacterPostgresqlCannotStoreIsTheClients() {
        assertThat(StoreRefusal.of(wrapped("22021"))).hasValueSatisfying(refusal -> {
            assertThat(refusal.status()).isEqualTo(422);
            assertThat(refusal.code()).isEqualTo("UNSTORABLE_CHARACTER");
            assertThat(refusal.detail()).contains("\\u0000");
        });
    }

    @Test
    void otherFailuresStayTheRegistrysOwn() {
        // A null where none may be is a bug, not the client's input.
        assertThat(StoreRefusal.of(wrapped("23502"))).isEmpty();
        assertThat(StoreRefusal.of(new IllegalStateException("no SQL here"))).isEmpty();
    }

    private static RuntimeException wrapped(String sqlState) {
        return new RuntimeException("the transaction failed", new SQLException("refused", sqlState));
    }
}
