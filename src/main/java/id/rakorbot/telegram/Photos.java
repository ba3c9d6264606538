package id.rakorbot.telegram;

import java.util.Comparator;
import java.util.Optional;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.photo.PhotoSize;

/** Photos attached to messages. */
public final class Photos {

  private Photos() {}

  /** The largest size of an attached photo: what the leadership wants to look at later. */
  public static Optional<String> largest(Message message) {
    return message.hasPhoto()
        ? message.getPhoto().stream().max(Comparator.comparing(p -> p.getFileSize() == null ? 0 : p.getFileSize())).map(PhotoSize::getFileId)
        : Optional.empty();
  }
}
