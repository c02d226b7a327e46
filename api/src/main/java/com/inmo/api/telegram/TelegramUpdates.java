package com.inmo.api.telegram;

import com.inmo.workflows.lead.InboundMessage;
import com.inmo.workflows.lead.MessageKind;
import com.inmo.workflows.lead.QualificationFields;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.chat.Chat;
import org.telegram.telegrambots.meta.api.objects.chatmember.ChatMemberUpdated;
import org.telegram.telegrambots.meta.api.objects.location.Location;
import org.telegram.telegrambots.meta.api.objects.message.Message;

/**
 * Telegram updates read as lead messages ({@link InboundMessage} kinds), or as nothing at all. Only private
 * chats are leads: a bot added to a group or a channel hears strangers and must not answer them.
 *
 * <p>Kinds: TEXT; START (text null, source = the deep-link payload or "telegram"); CONTACT (provided =
 * the phone in E.164); LOCATION (coordinates in the text: nothing geocodes offline); MEDIA (photo, voice
 * note, video, sticker, document…: text null); EDITED (an edit of an earlier message: its new text, for the
 * record only); BLOCKED (the lead blocked the bot: unreachable, which is not an opt-out).
 *
 * <p>Message ids are stable across Telegram's retries, so the workflow drops a copy: {@code tg-<message_id>};
 * an edit is {@code tg-<message_id>-edit-<edit_date>} (the original's id would be dropped as a duplicate);
 * a block is {@code tg-blocked-<update_id>}.
 */
final class TelegramUpdates {

  static final List<String> ALLOWED_UPDATES = List.of("message", "edited_message", "my_chat_member");
  static final int MAX_SOURCE = 64;
  private static final Pattern START = Pattern.compile("^/start(?:@\\w+)?(?:\\s+(.*))?$", Pattern.DOTALL);

  private TelegramUpdates() {
  }

  static Optional<LeadInbound> read(Update update) {
    if (update.hasMessage()) {
      return message(update.getMessage());
    }
    if (update.hasEditedMessage()) {
      return edited(update.getEditedMessage());
    }
    if (update.hasMyChatMember()) {
      return memberChange(update.getUpdateId(), update.getMyChatMember());
    }
    return Optional.empty(); // channel posts, callbacks, polls…: not a lead talking
  }

  private static Optional<LeadInbound> message(Message m) {
    if (!isPrivate(m.getChat()) || m.getMessageId() == null) {
      return Optional.empty();
    }
    String id = "tg-" + m.getMessageId();
    Instant sentAt = instant(m.getDate());
    String text = m.getText();
    if (text != null) {
      Matcher start = START.matcher(text.strip());
      if (start.matches()) {
        String payload = start.group(1) == null ? "" : start.group(1).strip();
        String source = payload.isEmpty() ? "telegram" : cap(payload);
        return lead(m, new InboundMessage(id, MessageKind.START, null, sentAt, null, source), source);
      }
      return lead(m, new InboundMessage(id, MessageKind.TEXT, text, sentAt, null, null), "telegram");
    }
    if (m.getContact() != null) {
      String phone = e164(m.getContact().getPhoneNumber());
      QualificationFields provided = phone == null ? null : QualificationFields.EMPTY.withPhone(phone);
      return lead(m, new InboundMessage(id, MessageKind.CONTACT, "[contacto compartido]", sentAt, provided, null), "telegram");
    }
    if (m.getLocation() != null) {
      // a venue carries its location too
      return lead(m, new InboundMessage(id, MessageKind.LOCATION, "[ubicación " + coordinates(m.getLocation()) + "]", sentAt,
          null, null), "telegram");
    }
    if (isMedia(m)) {
      return lead(m, new InboundMessage(id, MessageKind.MEDIA, null, sentAt, null, null), "telegram");
    }
    return Optional.empty(); // service messages, polls, dice: nothing a lead said
  }

  private static Optional<LeadInbound> edited(Message m) {
    if (!isPrivate(m.getChat()) || m.getMessageId() == null) {
      return Optional.empty();
    }
    Integer editedAt = m.getEditDate() != null ? m.getEditDate() : m.getDate();
    String text = m.getText() != null ? m.getText() : m.getCaption();
    String id = "tg-" + m.getMessageId() + "-edit-" + editedAt;
    // an edit concerns a conversation that exists: it never starts a lead
    return Optional.of(new LeadInbound(m.getChat().getId(),
        new InboundMessage(id, MessageKind.EDITED, text, instant(editedAt), null, null), "telegram", false));
  }

  /** Only "kicked" in a private chat matters: the lead blocked the bot. Unblocking needs no message. */
  private static Optional<LeadInbound> memberChange(Integer updateId, ChatMemberUpdated change) {
    if (!isPrivate(change.getChat()) || change.getNewChatMember() == null
        || !"kicked".equals(change.getNewChatMember().getStatus())) {
      return Optional.empty();
    }
    InboundMessage blocked = new InboundMessage("tg-blocked-" + updateId, MessageKind.BLOCKED, null, instant(change.getDate()),
        null, null);
    return Optional.of(new LeadInbound(change.getChat().getId(), blocked, "telegram", false));
  }

  private static Optional<LeadInbound> lead(Message m, InboundMessage message, String source) {
    return Optional.of(new LeadInbound(m.getChat().getId(), message, source, true));
  }

  private static boolean isPrivate(Chat chat) {
    return chat != null && chat.getId() != null && "private".equals(chat.getType());
  }

  private static boolean isMedia(Message m) {
    return (m.getPhoto() != null && !m.getPhoto().isEmpty()) || m.getVoice() != null || m.getVideo() != null
        || m.getVideoNote() != null || m.getSticker() != null || m.getDocument() != null || m.getAudio() != null
        || m.getAnimation() != null;
  }

  /** A shared contact's number as E.164: Telegram often sends it without the leading +. */
  static String e164(String raw) {
    if (raw == null) {
      return null;
    }
    String digits = raw.replaceAll("[^0-9]", "");
    return digits.length() < 6 || digits.length() > 15 ? null : "+" + digits;
  }

  private static String coordinates(Location location) {
    return plain(location.getLatitude()) + "," + plain(location.getLongitude());
  }

  private static String plain(Double d) {
    return d == null ? "?" : BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
  }

  private static Instant instant(Integer unixSeconds) {
    return unixSeconds == null ? Instant.now() : Instant.ofEpochSecond(unixSeconds);
  }

  private static String cap(String s) {
    return s.length() <= MAX_SOURCE ? s : s.substring(0, MAX_SOURCE);
  }
}
