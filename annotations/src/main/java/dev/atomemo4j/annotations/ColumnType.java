package dev.atomemo4j.annotations;

/**
 * The column types of a {@link Table} record, and the Java types they hold: {@code TEXT} String, {@code INTEGER}
 * int/Integer, {@code BIGINT} long/Long, {@code DOUBLE} double/Double, {@code DECIMAL} BigDecimal, {@code BOOLEAN}
 * boolean/Boolean, {@code TIMESTAMP} Instant or OffsetDateTime (with time zone), {@code JSON} JsonNode (or a
 * String), {@code UUID} UUID. The host writes them in its database's dialect (H2, PostgreSQL).
 */
public enum ColumnType {
  /** Derived from the component's Java type. */
  AUTO,
  TEXT,
  INTEGER,
  BIGINT,
  DOUBLE,
  DECIMAL,
  BOOLEAN,
  TIMESTAMP,
  JSON,
  UUID
}
