package id.rakorbot.photo;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Base64;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * A photo from the form, scaled on the phone to a JPEG of at most {@link #MAX_SIDE} pixels a side. Only its header is
 * read here (no full decode): enough to refuse what is not a JPEG, and cheap on every submit.
 */
public record FormPhoto(byte[] content, int width, int height) {

  public static final String MEDIA_TYPE = "image/jpeg";
  /** What the page scales to; a little more is allowed for phones that round up. */
  public static final int MAX_SIDE = 1600;
  public static final int MAX_BYTES = 600 * 1024;
  public static final int MAX_PER_REPORT = 3;

  /** A photo given as base64, with or without its {@code data:image/jpeg;base64,} prefix; empty with the reason if refused. */
  public static Result decode(String encoded) {
    if (encoded == null || encoded.isBlank()) {
      return Result.refused("Foto kosong.");
    }
    String data = encoded.startsWith("data:") ? encoded.substring(encoded.indexOf(',') + 1) : encoded;
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(data.strip());
    } catch (IllegalArgumentException e) {
      return Result.refused("Foto tidak terbaca; ambil foto lagi.");
    }
    if (bytes.length > MAX_BYTES) {
      return Result.refused("Foto terlalu besar (" + bytes.length / 1024 + " KB; paling besar " + MAX_BYTES / 1024 + " KB).");
    }
    if (bytes.length < 4 || (bytes[0] & 0xff) != 0xFF || (bytes[1] & 0xff) != 0xD8 || (bytes[2] & 0xff) != 0xFF) {
      return Result.refused("Foto harus berupa JPEG; ambil foto lagi dari formulir.");
    }
    try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
      var readers = ImageIO.getImageReaders(in);
      if (!readers.hasNext()) {
        return Result.refused("Foto tidak terbaca; ambil foto lagi.");
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(in, true, true);
        int width = reader.getWidth(0);
        int height = reader.getHeight(0);
        if (width < 1 || height < 1 || width > MAX_SIDE || height > MAX_SIDE) {
          return Result.refused("Ukuran foto " + width + "×" + height + " tidak diterima (paling besar " + MAX_SIDE + " piksel).");
        }
        return new Result(Optional.of(new FormPhoto(bytes, width, height)), "");
      } finally {
        reader.dispose();
      }
    } catch (IOException | RuntimeException e) {
      return Result.refused("Foto tidak terbaca; ambil foto lagi.");
    }
  }

  /** A photo, or why it was refused (in Indonesian, for the field). */
  public record Result(Optional<FormPhoto> photo, String refusal) {
    static Result refused(String why) {
      return new Result(Optional.empty(), why);
    }
  }
}
