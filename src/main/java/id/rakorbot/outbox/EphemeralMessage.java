package id.rakorbot.outbox;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethodMessage;
import org.telegram.telegrambots.meta.api.objects.ReplyParameters;
import org.telegram.telegrambots.meta.exceptions.TelegramApiValidationException;

/**
 * sendMessage as an ephemeral message (Bot API 10.2; its parameters grouped as {@code ephemeral_message_parameters}
 * since 10.3): shown in a group to one person only. Telegram offers it in groups only, and refuses it where the bot
 * may not send one (the client library has the 10.2 fields only, so this is the 10.3 form, written out).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class EphemeralMessage extends BotApiMethodMessage {

  /** The name the outbox stores it under: it is a sendMessage, of another shape. */
  static final String STORED_AS = "sendmessage:ephemeral";

  /** Who sees it. */
  public record Parameters(@JsonProperty("receiver_user_id") long receiverUserId) {}

  @JsonProperty("chat_id")
  private String chatId;
  @JsonProperty("message_thread_id")
  private Integer messageThreadId;
  @JsonProperty("text")
  private String text;
  @JsonProperty("parse_mode")
  private String parseMode;
  @JsonProperty("disable_web_page_preview")
  private Boolean disableWebPagePreview;
  @JsonProperty("ephemeral_message_parameters")
  private Parameters ephemeralMessageParameters;
  @JsonProperty("reply_parameters")
  private ReplyParameters replyParameters;

  EphemeralMessage() {}

  /**
   * An HTML text for {@code receiverUserId} in group {@code chatId}, answering their ephemeral command
   * {@code ephemeralReplyTo} when there is one.
   */
  public static EphemeralMessage to(long chatId, Integer topicId, long receiverUserId, String html, Integer ephemeralReplyTo) {
    EphemeralMessage message = new EphemeralMessage();
    message.chatId = Long.toString(chatId);
    message.messageThreadId = topicId;
    message.text = html;
    message.parseMode = "HTML";
    message.disableWebPagePreview = true;
    message.ephemeralMessageParameters = new Parameters(receiverUserId);
    if (ephemeralReplyTo != null) {
      message.replyParameters = ReplyParameters.builder().ephemeralMessageId(ephemeralReplyTo).build();
    }
    return message;
  }

  public String getText() {
    return text;
  }

  void setText(String text) {
    this.text = text;
  }

  public long receiverUserId() {
    return ephemeralMessageParameters.receiverUserId();
  }

  @Override
  public String getMethod() {
    return "sendMessage";
  }

  @Override
  public void validate() throws TelegramApiValidationException {
    if (chatId == null || chatId.isEmpty() || text == null || text.isEmpty() || ephemeralMessageParameters == null) {
      throw new TelegramApiValidationException("An ephemeral message needs a chat, a text and its receiver", this);
    }
  }
}
