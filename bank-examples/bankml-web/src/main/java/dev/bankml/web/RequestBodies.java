package dev.bankml.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Reads request bodies with a size limit, answering 413 above it and 400 for malformed JSON. */
final class RequestBodies {
  private final ObjectMapper mapper;

  RequestBodies(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  /**
   * The body as UTF-8 text without a leading byte-order mark (spreadsheet programs write one),
   * refused with 413 when longer than {@code limit} bytes and with 400 when it is not valid UTF-8.
   */
  String text(Context ctx, int limit) {
    if (ctx.contentLength() > limit) {
      throw tooLarge(limit);
    }
    try (InputStream in = ctx.req().getInputStream()) {
      byte[] bytes = in.readNBytes(limit + 1);
      if (bytes.length > limit) {
        throw tooLarge(limit);
      }
      String text = decode(bytes);
      return text.startsWith("\uFEFF") ? text.substring(1) : text;
    } catch (IOException e) {
      throw new ApiError(400, "", "could not read the request body: " + e.getMessage());
    }
  }

  /** The body parsed as JSON, refused with 400 when malformed. */
  JsonNode json(Context ctx, int limit) {
    String text = text(ctx, limit);
    try {
      JsonNode node = mapper.readTree(text);
      if (node == null || node.isMissingNode()) {
        throw new ApiError(400, "", "the request body is empty; send a JSON object of field values");
      }
      return node;
    } catch (JsonProcessingException e) {
      String where = e.getLocation() == null ? ""
          : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
      throw new ApiError(400, "", "malformed JSON" + where + ": "
          + dev.bankml.models.schema.InputProblem.clip(String.valueOf(e.getOriginalMessage())));
    }
  }

  /** Strict UTF-8: invalid bytes are refused naming their offset, never turned into U+FFFD. */
  private static String decode(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
          .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
    } catch (java.nio.charset.CharacterCodingException e) {
      int offset = firstInvalid(bytes);
      throw new ApiError(400, "", "the request body is not valid UTF-8 (at byte offset " + offset + "); send UTF-8 text");
    }
  }

  /** The offset of the first byte that does not start a valid UTF-8 sequence. */
  static int firstInvalid(byte[] bytes) {
    java.nio.charset.CharsetDecoder d = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
        .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT);
    java.nio.ByteBuffer in = java.nio.ByteBuffer.wrap(bytes);
    java.nio.CharBuffer out = java.nio.CharBuffer.allocate(bytes.length + 1);
    java.nio.charset.CoderResult r = d.decode(in, out, true);
    return r.isError() ? in.position() : bytes.length;
  }

  private static ApiError tooLarge(int limit) {
    return new ApiError(413, "", "the request body is larger than the limit of " + limit + " bytes");
  }
}
