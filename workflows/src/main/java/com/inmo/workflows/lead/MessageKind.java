package com.inmo.workflows.lead;

/** What a lead's inbound message is, as its channel delivered it (the signal carries the name). */
public enum MessageKind {
  TEXT,
  /** Telegram's /start; the message's {@code source} holds its deep-link payload. */
  START,
  /** A photo, voice note, video or document: recorded, and the lead is asked to write. */
  MEDIA,
  /** A contact the lead shared: {@code provided} holds the phone, which the channel vouches for. */
  CONTACT,
  /** A location the lead shared: {@code provided} holds the zone hint. */
  LOCATION,
  /** An edit of an earlier message: recorded, not answered again. */
  EDITED,
  /** The lead blocked the bot: nothing can reach them on the channel any more. */
  BLOCKED
}
