package dev.watershed.adapter.persistence;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.List;
import org.hibernate.query.NativeQuery;

/**
 * Plain SQL with positional parameters, portable between H2 and PostgreSQL: rows as arrays, nulls bound with their
 * column's type, timestamps read back as instants whatever the driver returns.
 */
final class NativeSql {

    private final EntityManager entityManager;

    NativeSql(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @SuppressWarnings("unchecked")
    List<Object[]> rows(String sql, Object... parameters) {
        Query query = bound(sql, parameters);
        List<Object> results = query.getResultList();
        return results.stream()
                .map(row -> row instanceof Object[] columns ? columns : new Object[] {row})
                .toList();
    }

    int update(String sql, Object... parameters) {
        Query query = bound(sql, parameters);
        return query.executeUpdate();
    }

    /**
     * A {@code null} is bound with the type of its column ({@link NullOf}): untyped, Hibernate binds it as binary,
     * which PostgreSQL refuses for a text or timestamp column.
     */
    @SuppressWarnings("unchecked")
    private Query bound(String sql, Object... parameters) {
        Query query = entityManager.createNativeQuery(sql);
        NativeQuery<?> nativeQuery = query.unwrap(NativeQuery.class);
        for (int i = 0; i < parameters.length; i++) {
            if (parameters[i] instanceof NullOf missing) {
                nativeQuery.setParameter(i + 1, null, (Class<Object>) missing.type());
            } else if (parameters[i] == null) {
                throw new IllegalArgumentException("parameter " + (i + 1) + " is null: bind it with NullOf");
            } else {
                nativeQuery.setParameter(i + 1, parameters[i]);
            }
        }
        return query;
    }

    /** A null parameter of a column of {@code type}. */
    private record NullOf(Class<?> type) {}

    static Object orNull(String value) {
        return value == null ? new NullOf(String.class) : value;
    }

    static Object orNull(Instant value) {
        return value == null ? new NullOf(Instant.class) : value;
    }

    /** What the JDBC drivers return for {@code TIMESTAMP WITH TIME ZONE} differs between H2 and PostgreSQL. */
    static Instant instant(Object value) {
        if (value == null || value instanceof Instant) {
            return (Instant) value;
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        if (value instanceof ZonedDateTime zoned) {
            return zoned.toInstant();
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        throw new IllegalStateException("not a timestamp: " + value.getClass());
    }
}
