package vn.steerflow.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.time.OffsetDateTime;

/**
 * The API's JSON: unknown fields are errors (a misspelt field must not be silently dropped),
 * numbers are not coerced from strings or floats, enums are not bound from numbers (Jackson would
 * take {@code "decision": 0} as the first constant, APPROVE), text is not coerced from numbers or
 * booleans, and dates are ISO-8601 strings with offsets, never numbers.
 */
@Provider
public class ObjectMapperProvider implements ContextResolver<ObjectMapper> {

  private final ObjectMapper mapper =
      strictText(new ObjectMapper())
          .registerModule(new JavaTimeModule())
          .registerModule(isoDateTimesOnly())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
          .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
          .disable(com.fasterxml.jackson.databind.MapperFeature.ALLOW_COERCION_OF_SCALARS);

  /** A number or boolean where text is expected is a client's mistake, not a title of "42". */
  private static ObjectMapper strictText(ObjectMapper mapper) {
    mapper
        .coercionConfigFor(LogicalType.Textual)
        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
    return mapper;
  }

  /**
   * Date-times only as ISO-8601 text: Jackson would read a number as epoch seconds, so a deadline
   * sent in milliseconds (1767200000000) would land in the year 57970 and pass every check.
   */
  private static SimpleModule isoDateTimesOnly() {
    return new SimpleModule()
        .addDeserializer(
            OffsetDateTime.class,
            new StdDeserializer<OffsetDateTime>(OffsetDateTime.class) {
              @Override
              public OffsetDateTime deserialize(JsonParser p, DeserializationContext ctxt)
                  throws IOException {
                if (!p.hasToken(JsonToken.VALUE_STRING)) {
                  return (OffsetDateTime) ctxt.handleUnexpectedToken(OffsetDateTime.class, p);
                }
                return InstantDeserializer.OFFSET_DATE_TIME.deserialize(p, ctxt);
              }
            });
  }

  @Override
  public ObjectMapper getContext(Class<?> type) {
    return mapper;
  }
}
