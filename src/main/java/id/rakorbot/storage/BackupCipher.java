package id.rakorbot.storage;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * A backup sealed with a passphrase: AES-256-GCM in 1 MiB chunks, key from PBKDF2-HMAC-SHA256. Each chunk's number
 * and whether it is the last are authenticated, so a reordered, cut or altered file is refused, not half restored.
 * Layout: magic, salt (16), iterations (int), then per chunk: length (int), nonce (12), ciphertext with tag.
 */
final class BackupCipher {

  static final byte[] MAGIC = "RAKORBOT-BACKUP-AES1\n".getBytes(StandardCharsets.US_ASCII);
  private static final int CHUNK = 1 << 20;
  private static final int ITERATIONS = 310_000;
  private static final SecureRandom RANDOM = new SecureRandom();

  private BackupCipher() {}

  static boolean sealed(byte[] head) {
    return head.length >= MAGIC.length && Arrays.equals(Arrays.copyOf(head, MAGIC.length), MAGIC);
  }

  static void seal(InputStream plain, OutputStream sealed, char[] passphrase) throws IOException {
    byte[] salt = new byte[16];
    RANDOM.nextBytes(salt);
    SecretKey key = key(passphrase, salt, ITERATIONS);
    var out = new DataOutputStream(sealed);
    out.write(MAGIC);
    out.write(salt);
    out.writeInt(ITERATIONS);
    byte[] buffer = plain.readNBytes(CHUNK);
    long index = 0;
    while (true) {
      byte[] next = buffer.length == CHUNK ? plain.readNBytes(CHUNK) : new byte[0];
      boolean last = next.length == 0;
      byte[] nonce = new byte[12];
      RANDOM.nextBytes(nonce);
      byte[] cipherText = crypt(Cipher.ENCRYPT_MODE, key, nonce, aad(index, last), buffer);
      out.writeInt(cipherText.length);
      out.write(nonce);
      out.write(cipherText);
      if (last) {
        break;
      }
      buffer = next;
      index++;
    }
    out.flush();
  }

  static void open(InputStream sealed, OutputStream plain, char[] passphrase) throws IOException {
    var in = new DataInputStream(sealed);
    byte[] magic = in.readNBytes(MAGIC.length);
    if (!sealed(magic)) {
      throw new IOException("bukan berkas cadangan terenkripsi Rakorbot");
    }
    byte[] salt = in.readNBytes(16);
    SecretKey key = key(passphrase, salt, in.readInt());
    for (long index = 0; ; index++) {
      int length;
      try {
        length = in.readInt();
      } catch (EOFException e) {
        throw new IOException("berkas cadangan terpotong");
      }
      byte[] nonce = in.readNBytes(12);
      byte[] cipherText = in.readNBytes(length);
      if (cipherText.length != length) {
        throw new IOException("berkas cadangan terpotong");
      }
      byte[] chunk;
      boolean last;
      try {
        chunk = crypt(Cipher.DECRYPT_MODE, key, nonce, aad(index, false), cipherText);
        last = false;
      } catch (IOException notMiddle) {
        chunk = crypt(Cipher.DECRYPT_MODE, key, nonce, aad(index, true), cipherText);
        last = true;
      }
      plain.write(chunk);
      if (last) {
        return;
      }
    }
  }

  private static byte[] aad(long index, boolean last) {
    return ByteBuffer.allocate(9).putLong(index).put((byte) (last ? 1 : 0)).array();
  }

  private static byte[] crypt(int mode, SecretKey key, byte[] nonce, byte[] aad, byte[] input) throws IOException {
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(mode, key, new GCMParameterSpec(128, nonce));
      cipher.updateAAD(aad);
      return cipher.doFinal(input);
    } catch (javax.crypto.AEADBadTagException e) {
      throw new IOException("kata sandi cadangan salah, atau berkasnya rusak");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static SecretKey key(char[] passphrase, byte[] salt, int iterations) {
    try {
      byte[] bytes = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
          .generateSecret(new PBEKeySpec(passphrase, salt, iterations, 256)).getEncoded();
      return new SecretKeySpec(bytes, "AES");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
