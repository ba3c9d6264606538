package id.rakorbot.telegram;

/** Handles presses of inline buttons whose {@code callback_data} starts with {@code prefix + ":"}. */
public interface CallbackHandler {

  /** Short, versioned: {@code r1} for RSVP answers. */
  String prefix();

  void handle(CallbackContext context);
}
