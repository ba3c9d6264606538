package id.rakorbot.support;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;

/**
 * The Bot API emulator in a JVM of its own, as Telegram is always another process: the bot's CPU is then the
 * bot's alone, and the emulator's threads compete for the cores the way a network stack would not. A benchmark
 * drives it through a small control API beside the Bot API ({@code /control/…}).
 */
public final class EmulatorProcess implements AutoCloseable {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final Process process;
  private final String url;

  private EmulatorProcess(Process process, String url) {
    this.process = process;
    this.url = url;
  }

  /** Starts the emulator process on the test classpath; returns once it listens. */
  public static EmulatorProcess start(Path log) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new java.util.ArrayList<>(List.of(java, "-Xmx512m", "-XX:+UseSerialGC", "-cp",
        System.getProperty("java.class.path"), EmulatorProcess.class.getName()));
    if (higherPriorityAllowed()) {
      // Telegram's servers are not starved by the bot's load: ahead of the bot and PostgreSQL on the two cores, the
      // emulator takes each request when it comes, as a remote server would, rather than in bunches after a stall.
      command.addAll(0, List.of("nice", "-n", "-10"));
    }
    Process process = new ProcessBuilder(command).redirectError(log.toFile()).start();
    InputStream out = process.getInputStream();
    StringBuilder line = new StringBuilder();
    for (int c; (c = out.read()) != -1 && c != '\n'; ) {
      line.append((char) c);
    }
    if (!line.toString().startsWith("http://")) {
      process.destroyForcibly();
      throw new IllegalStateException("the emulator process did not start: " + line);
    }
    return new EmulatorProcess(process, line.toString().strip());
  }

  private static boolean higherPriorityAllowed() {
    try {
      return new ProcessBuilder("nice", "-n", "-10", "true").start().waitFor() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** The URL to give the bot as {@code TELEGRAM_API_URL}. */
  public String url() {
    return url;
  }

  /** Answers every call but getUpdates after {@code delay}, and enforces Telegram's limits with 429. */
  public void actLikeTelegram(Duration delay) {
    call("/control/setup?answer_ms=" + delay.toMillis());
  }

  /** Whether the bot has published its command menu (it is up and polling). */
  public boolean botUp() {
    return call("/control/menu").equals("true");
  }

  /** Queues {@code count} /lapor texts from {@code reporters} people from {@code firstUser} on, round robin. */
  public void queueReports(int count, int reporters, long firstUser, String text) {
    call("/control/burst?count=" + count + "&reporters=" + reporters + "&first=" + firstUser + "&text="
        + java.net.URLEncoder.encode(text, StandardCharsets.UTF_8));
  }

  /** What reached chats from {@code firstChat} on: messages sent, distinct (chat, text) pairs, and 429 answers in all. */
  public record Sent(long messages, long distinct, long tooManyRequests, String byLimit) {}

  public Sent sentFrom(long firstChat) {
    String[] parts = call("/control/sent?first=" + firstChat).split(" ", 4);
    return new Sent(Long.parseLong(parts[0]), Long.parseLong(parts[1]), Long.parseLong(parts[2]), parts[3]);
  }

  /** CPU seconds the emulator's process has used. */
  public double cpuSeconds() {
    return process.info().totalCpuDuration().orElse(Duration.ZERO).toNanos() / 1e9;
  }

  private String call(String path) {
    try {
      HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofSeconds(60))
          .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
      if (answer.statusCode() != 200) {
        throw new IllegalStateException(path + ": " + answer.statusCode() + " " + answer.body());
      }
      return answer.body();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    process.destroyForcibly();
  }

  /** The process: an emulator, its control API, its URL on the first line of stdout; runs until killed. */
  public static void main(String[] args) throws Exception {
    BotApiEmulator api = new BotApiEmulator();
    api.serve("/control/", exchange -> control(api, exchange));
    System.out.println(api.url());
    System.out.flush();
    new CountDownLatch(1).await();
  }

  private static void control(BotApiEmulator api, HttpExchange exchange) throws IOException {
    try (exchange) {
      Map<String, String> q = query(exchange.getRequestURI().getRawQuery());
      String answer = switch (exchange.getRequestURI().getPath()) {
        case "/control/setup" -> {
          api.answerAfter(Duration.ofMillis(Long.parseLong(q.get("answer_ms"))));
          api.enforceTelegramLimits();
          yield "ok";
        }
        case "/control/menu" -> String.valueOf(!api.calls("setMyCommands").isEmpty());
        case "/control/burst" -> {
          int count = Integer.parseInt(q.get("count"));
          int reporters = Integer.parseInt(q.get("reporters"));
          long first = Long.parseLong(q.get("first"));
          for (int i = 0; i < count; i++) {
            api.privateText(first + i % reporters, "Pelapor", q.get("text") + " " + i);
          }
          yield "ok";
        }
        case "/control/sent" -> {
          long first = Long.parseLong(q.get("first"));
          List<BotApiEmulator.Call> sent = api.calls("sendMessage").stream().filter(c -> c.chatId() >= first).toList();
          long distinct = sent.stream().map(c -> c.chatId() + "\n" + c.text()).collect(Collectors.toSet()).size();
          yield sent.size() + " " + distinct + " " + api.tooManyRequests() + " " + api.tooManyByLimit();
        }
        default -> null;
      };
      byte[] body = (answer == null ? "unknown" : answer).getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(answer == null ? 404 : 200, body.length);
      exchange.getResponseBody().write(body);
    }
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> values = new HashMap<>();
    if (raw != null) {
      for (String pair : raw.split("&")) {
        String[] kv = pair.split("=", 2);
        values.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
      }
    }
    return values;
  }
}
