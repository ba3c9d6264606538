package id.rakorbot.outbox;

import java.io.ByteArrayInputStream;
import java.io.Serializable;
import org.telegram.telegrambots.meta.api.methods.ParseMode;
import org.telegram.telegrambots.meta.api.methods.send.SendDocument;
import org.telegram.telegrambots.meta.api.methods.send.SendPhoto;
import org.telegram.telegrambots.meta.api.objects.InputFile;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/** A file to send — an export as a document, a chart as a photo — with its caption in HTML, stored in the outbox with its bytes. */
public record OutgoingFile(Kind kind, String filename, byte[] content, String caption) {

  /** How Telegram shows the file. */
  public enum Kind {
    DOCUMENT("senddocument"),
    PHOTO("sendphoto");

    private final String method;

    Kind(String method) {
      this.method = method;
    }

    String method() {
      return method;
    }

    static boolean carries(String method) {
      return DOCUMENT.method.equals(method) || PHOTO.method.equals(method);
    }
  }

  public static OutgoingFile document(String filename, byte[] content, String caption) {
    return new OutgoingFile(Kind.DOCUMENT, filename, content, caption);
  }

  public static OutgoingFile photo(String filename, byte[] content, String caption) {
    return new OutgoingFile(Kind.PHOTO, filename, content, caption);
  }

  /** The outbox payload of a file. */
  record Stored(long chatId, Integer topicId, OutgoingFile file) {

    Serializable send(TelegramClient telegram) throws TelegramApiException {
      InputFile input = new InputFile(new ByteArrayInputStream(file.content()), file.filename());
      if (file.kind() == Kind.PHOTO) {
        var photo = SendPhoto.builder().chatId(chatId).photo(input).caption(file.caption()).parseMode(ParseMode.HTML);
        if (topicId != null) {
          photo.messageThreadId(topicId);
        }
        return telegram.execute(photo.build());
      }
      var document = SendDocument.builder().chatId(chatId).document(input).caption(file.caption()).parseMode(ParseMode.HTML);
      if (topicId != null) {
        document.messageThreadId(topicId);
      }
      return telegram.execute(document.build());
    }
  }
}
