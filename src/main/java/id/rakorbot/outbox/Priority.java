package id.rakorbot.outbox;

/**
 * The class of an outgoing message. A lower class goes first, within a chat and across chats, so that an
 * alert never waits behind replies and a reminder never waits behind one user's flood of commands.
 */
public enum Priority {
  /** Siaga/awas reports and early warnings: seconds matter. */
  ALERT,
  /** Announcements, reminders, nudges, digests, notices to admins. */
  SCHEDULED,
  /** Answers to what a user just did. */
  REPLY,
  /** Copies and exports: nobody is waiting on the other side. */
  BULK;

  /** Whether this class may use a group's whole per-minute allowance (the rest keep a share free for these). */
  boolean urgent() {
    return this == ALERT || this == SCHEDULED;
  }
}
