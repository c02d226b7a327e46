package com.inmo.api.telegram;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.inmo.api.web.Problems;
import java.io.IOException;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * Reads a webhook body into telegrambots' {@link Update}. Those types are Jackson 2 (builders and
 * {@code @JsonDeserialize}) while Boot 4's web layer is Jackson 3, so the body arrives as bytes and is read
 * here with a Jackson 2 mapper of its own (docs/stack.md, trap 1).
 */
final class TelegramJson {

  // fields Telegram adds in later Bot API versions must not turn a valid update into a 400
  private static final ObjectMapper MAPPER = new ObjectMapper()
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private TelegramJson() {
  }

  /** The update; a 400 problem when the body is not JSON or not an update. */
  static Update parse(byte[] body) {
    if (body == null || body.length == 0) {
      throw Problems.badRequest("The body is empty; a Telegram update was expected");
    }
    Update update;
    try {
      update = MAPPER.readValue(body, Update.class);
    } catch (JacksonException e) {
      throw Problems.badRequest("The body is not a Telegram update: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw Problems.badRequest("The body could not be read: " + e.getMessage());
    }
    if (update == null || update.getUpdateId() == null) {
      throw Problems.badRequest("The body is not a Telegram update: update_id is missing");
    }
    return update;
  }
}
