package id.rakorbot.outbox;

import java.io.ByteArrayInputStream;
import org.telegram.telegrambots.meta.api.methods.ParseMode;
import org.telegram.telegrambots.meta.api.methods.send.SendDocument;
import org.telegram.telegrambots.meta.api.objects.InputFile;

/** A file to send (an export), with its caption in HTML. Stored in the outbox with its bytes. */
public record OutgoingDocument(String filename, byte[] content, String caption) {

  static final String METHOD = "senddocument";

  /** The outbox payload of a document. */
  record Stored(long chatId, Integer topicId, OutgoingDocument document) {

    SendDocument toMethod() {
      var send = SendDocument.builder()
          .chatId(chatId)
          .document(new InputFile(new ByteArrayInputStream(document.content()), document.filename()))
          .caption(document.caption())
          .parseMode(ParseMode.HTML);
      if (topicId != null) {
        send.messageThreadId(topicId);
      }
      return send.build();
    }
  }
}
