package com.inmo.activities.telegram;

import static com.inmo.activities.api.InternalApiClient.expect;

import com.inmo.activities.api.InternalApiClient;
import com.inmo.workflows.activity.MessageRecord;
import com.inmo.workflows.activity.OutboundMessage;
import com.inmo.workflows.activity.SendResult;
import io.temporal.failure.ApplicationFailure;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.ActionType;
import org.telegram.telegrambots.meta.api.methods.send.SendChatAction;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * Sends a lead's outbound message on Telegram ({@code channelRef} is the chat id) and records each part in
 * the read model, like the web chat does.
 *
 * <p>Idempotency: part {@code n} of a message has the external id {@code key} (first) or {@code key#n}. Before
 * sending a part, the api's ledger is asked whether it was recorded ({@code GET
 * /internal/v1/leads/{leadId}/messages/{externalId}}: 200 skip, 404 send); it is recorded right after
 * sending. So a retried activity resends nothing that was recorded. The remaining window: the process dies
 * (or loses the api for the rest of the activity's retries) between Telegram's 200 and the record; the retry
 * then finds no record and sends that part again. Within one process, a part sent but not recorded is
 * remembered, so a failed record (api 5xx, 409) is retried without sending again.
 */
public class TelegramSender {

  private static final Logger log = LoggerFactory.getLogger(TelegramSender.class);

  /** A reply longer than this takes a while to read: show "typing…" first. */
  public static final int TYPING_ABOVE = 300;
  private static final int REMEMBER_UNRECORDED = 1_000;
  /**
   * How long a part Telegram accepted stays unrecorded: the only window in which a crash makes a retry send it
   * again (the fault suite reads it from the worker's metrics).
   */
  static final io.micrometer.core.instrument.Timer UNRECORDED = io.micrometer.core.instrument.Timer
      .builder("inmo.telegram.sent.unrecorded").description("from the Bot API's OK to the ledger's record")
      .publishPercentiles(0.5, 0.9, 0.99).distributionStatisticExpiry(java.time.Duration.ofHours(1))
      .distributionStatisticBufferLength(1).register(io.micrometer.core.instrument.Metrics.globalRegistry);

  private final InternalApiClient api;
  private final TelegramBots bots;
  private final TelegramClients clients;
  private final ChatPacer pacer;
  /** leadId/externalId of parts Telegram accepted whose record has not succeeded yet (this process only). */
  private final Set<String> sentNotRecorded = Collections.synchronizedSet(Collections.newSetFromMap(
      new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
          return size() > REMEMBER_UNRECORDED;
        }
      }));

  public TelegramSender(InternalApiClient api, TelegramBots bots, TelegramClients clients, ChatPacer pacer) {
    this.api = api;
    this.bots = bots;
    this.clients = clients;
    this.pacer = pacer;
  }

  public SendResult send(OutboundMessage message) {
    String chatId = message.channelRef();
    if (chatId == null || chatId.isBlank() || message.text() == null || message.text().isBlank()) {
      throw ApplicationFailure.newNonRetryableFailure("a Telegram message needs a chat id and a text (lead "
          + message.leadId() + ")", "TelegramRejected");
    }
    String token = bots.requireToken(message.brokerSlug());
    TelegramClient client = clients.forToken(token);
    List<String> parts = TelegramText.split(message.text());
    boolean typingShown = false;
    for (int i = 0; i < parts.size(); i++) {
      String externalId = externalId(message.idempotencyKey(), i);
      String memo = message.leadId() + "/" + externalId;
      if (recorded(message, externalId)) {
        continue;
      }
      if (!sentNotRecorded.contains(memo)) {
        if (!typingShown && message.text().length() > TYPING_ABOVE) {
          typing(client, chatId);
          typingShown = true;
        }
        pacer.awaitTurn(paceKey(token, chatId));
        try {
          client.execute(new SendMessage(chatId, parts.get(i)));
        } catch (TelegramApiException e) {
          if (TelegramFailures.unauthorized(e)) {
            bots.forget(message.brokerSlug());
          }
          Optional<String> unreachable = TelegramFailures.unreachable(e);
          if (unreachable.isPresent()) {
            log.info("Telegram chat {} of lead {} is unreachable: {}", chatId, message.leadId(), unreachable.get());
            return new SendResult(false, true, unreachable.get());
          }
          throw TelegramFailures.toFailure(e, "send part " + (i + 1) + "/" + parts.size() + " to Telegram chat "
              + chatId, token);
        }
        sentNotRecorded.add(memo);
      }
      long sentAt = System.nanoTime();
      record(message, externalId, parts.get(i));
      UNRECORDED.record(System.nanoTime() - sentAt, java.util.concurrent.TimeUnit.NANOSECONDS);
      sentNotRecorded.remove(memo);
    }
    return SendResult.ok();
  }

  /** The first part keeps the message's key (as on the web chat); later parts are {@code key#2}, {@code key#3}… */
  static String externalId(String key, int part) {
    return part == 0 ? key : key + "#" + (part + 1);
  }

  /** Telegram's limit is per bot and chat; the bot id is the token's part before ':' (never the secret). */
  static String paceKey(String token, String chatId) {
    int colon = token.indexOf(':');
    return (colon > 0 ? token.substring(0, colon) : Integer.toHexString(token.hashCode())) + "/" + chatId;
  }

  private boolean recorded(OutboundMessage message, String externalId) {
    InternalApiClient.Response answer = api.get("/internal/v1/leads/" + message.leadId() + "/messages/"
        + URLEncoder.encode(externalId, StandardCharsets.UTF_8).replace("+", "%20"));
    if (answer.status() == 404) {
      return false;
    }
    expect(answer, "look up sent message " + externalId, 200);
    return true;
  }

  private void record(OutboundMessage message, String externalId, String text) {
    MessageRecord record = new MessageRecord(message.leadId(), message.workflowId(), message.brokerSlug(), "OUTBOUND",
        message.author(), message.authorUserId(), externalId, text, Instant.now());
    expect(api.post("/internal/v1/leads/" + message.leadId() + "/messages", record), "record Telegram message", 200, 201);
  }

  /** Best effort: a lost "typing…" costs nothing, and a real problem shows on the send right after. */
  private static void typing(TelegramClient client, String chatId) {
    try {
      client.execute(new SendChatAction(chatId, ActionType.TYPING.toString()));
    } catch (TelegramApiException | RuntimeException e) {
      log.debug("sendChatAction typing to {} failed: {}", chatId, e.getMessage());
    }
  }
}
