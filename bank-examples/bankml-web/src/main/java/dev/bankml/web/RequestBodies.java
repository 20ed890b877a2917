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

  /** The body as text, refused with 413 when longer than {@code limit} bytes. */
  String text(Context ctx, int limit) {
    if (ctx.contentLength() > limit) {
      throw tooLarge(limit);
    }
    try (InputStream in = ctx.req().getInputStream()) {
      byte[] bytes = in.readNBytes(limit + 1);
      if (bytes.length > limit) {
        throw tooLarge(limit);
      }
      return new String(bytes, StandardCharsets.UTF_8);
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
      throw new ApiError(400, "", "malformed JSON" + where + ": " + e.getOriginalMessage());
    }
  }

  private static ApiError tooLarge(int limit) {
    return new ApiError(413, "", "the request body is larger than the limit of " + limit + " bytes");
  }
}
