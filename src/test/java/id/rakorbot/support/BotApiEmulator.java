package id.rakorbot.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.function.Predicate;
import org.awaitility.Awaitility;

/**
 * A Telegram Bot API server for tests, on loopback, that the real TelegramBots client talks to over HTTP.
 *
 * <p>It keeps an update queue (tests put users' messages and membership changes in with {@link #send}, {@link
 * #text} and friends), answers {@code getUpdates} as a long poll with offsets, and records every call the bot
 * makes ({@link #calls}). Method names match case-insensitively (the client sends {@code sendmessage}).
 * Faults on demand: {@link #failNext} answers the next call of a method with 429 (with {@code retry_after})
 * or any other error; {@link #migrateChat} makes sends to a chat fail as Telegram does after a supergroup
 * upgrade; {@link #enforceTelegramLimits} answers sends beyond Telegram's rate limits with 429.
 *
 * <p>Supported: getMe, deleteWebhook, getUpdates, sendMessage, editMessageText, answerCallbackQuery,
 * setMyCommands, leaveChat, sendPhoto and sendDocument (multipart; parts are recorded as text or byte counts).
 */
public final class BotApiEmulator implements AutoCloseable {

  public static final String TOKEN = "123456:TEST-TOKEN";
  public static final long BOT_ID = 123456;
  public static final String BOT_USERNAME = "RakorTestBot";

  /** One call the bot made: the method (lower case), its parameters, and when it arrived. */
  public record Call(String method, JsonNode params, long atNanos, int messageId) {
    public String text() {
      return params.path("text").asText();
    }

    public long chatId() {
      return params.path("chat_id").asLong();
    }

    /** The callback data of the inline button whose text contains {@code label}. */
    public String button(String label) {
      for (JsonNode row : params.path("reply_markup").path("inline_keyboard")) {
        for (JsonNode button : row) {
          if (button.path("text").asText().contains(label)) {
            return button.path("callback_data").asText();
          }
        }
      }
      throw new AssertionError("no button " + label + " in " + params);
    }
  }

  private record Fault(int status, String description, Integer retryAfter, Long migrateTo) {}

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final HttpServer server;
  private final Object lock = new Object();
  private final List<ObjectNode> updates = new ArrayList<>();
  private final List<Call> calls = new ArrayList<>();
  private final Map<String, Deque<Fault>> faults = new HashMap<>();
  private final Map<Long, Long> migratedChats = new HashMap<>();
  private final Map<Long, Integer> messageIds = new HashMap<>();
  private int nextUpdateId = 1;
  private long confirmedOffset;
  private int nextUserMessageId = 1;
  private boolean enforceLimits;
  private volatile long answerDelayMillis;
  private int tooManyRequests;
  private final Map<String, Integer> tooManyByLimit = new HashMap<>();
  private final Deque<Long> acceptedSends = new ArrayDeque<>();
  private final Map<Long, Long> lastSendPerChat = new HashMap<>();
  private final Map<Long, Deque<Long>> groupSends = new HashMap<>();

  public BotApiEmulator() throws IOException {
    // Without TCP_NODELAY every answer waits ~40 ms for the client's delayed ACK (Nagle): a long poll full of
    // updates would then take 45 ms, which is the emulator's cost, not Telegram's and not the bot's.
    System.setProperty("sun.net.httpserver.nodelay", "true");
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "bot-api-emulator");
      t.setDaemon(true);
      return t;
    }));
    server.createContext("/", this::handle);
    server.start();
  }

  /** Serves {@code handler} at {@code path} beside the Bot API (the control of an emulator in a process of its own). */
  public void serve(String path, com.sun.net.httpserver.HttpHandler handler) {
    server.createContext(path, handler);
  }

  /** The URL to give the bot as {@code TELEGRAM_API_URL}. */
  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  // ---- what users do ------------------------------------------------------------------------------

  /** A user writes {@code text} in a private chat with the bot; returns the update id. */
  public int privateText(long userId, String firstName, String text) {
    return text(privateChat(userId, firstName), user(userId, firstName), text);
  }

  /** A user writes {@code text} in a group; returns the update id. */
  public int groupText(long chatId, String title, long userId, String firstName, String text) {
    return text(groupChat(chatId, title), user(userId, firstName), text);
  }

  /**
   * A user picks a command the bot declared ephemeral from the menu in a group: Telegram delivers it as an
   * ephemeral message, which only the bot sees (an {@code ephemeral_message_id}, no {@code message_id}).
   */
  public int groupEphemeralCommand(long chatId, String title, long userId, String firstName, String text) {
    ObjectNode message = message(groupChat(chatId, title), user(userId, firstName));
    message.remove("message_id");
    synchronized (lock) {
      message.put("ephemeral_message_id", nextEphemeralId++);
    }
    message.set("receiver_user", botUser());
    message.put("text", text);
    int end = text.indexOf(' ') < 0 ? text.length() : text.indexOf(' ');
    message.putArray("entities").addObject().put("type", "bot_command").put("offset", 0).put("length", end);
    return send("message", message);
  }

  /** From now on, refuse ephemeral messages in {@code chatId}, as Telegram does where the bot is not an administrator. */
  public void refuseEphemeralIn(long chatId) {
    synchronized (lock) {
      refusingEphemeral.add(chatId);
    }
  }

  /** The ephemeral messages the bot sent in {@code chatId} to {@code userId}: seen by that user alone. */
  public List<Call> ephemeralTo(long chatId, long userId) {
    return calls("sendMessage").stream().filter(c -> c.chatId() == chatId && ephemeral(c.params())
        && c.params().path("ephemeral_message_parameters").path("receiver_user_id").asLong() == userId).toList();
  }

  /** What members of {@code chatId} can read of the bot's: its messages there, less those it deleted. */
  public List<Call> visibleIn(long chatId) {
    synchronized (lock) {
      return messagesTo(chatId).stream().filter(c -> !deleted.contains(chatId + ":" + c.messageId())).toList();
    }
  }

  private static boolean ephemeral(JsonNode params) {
    return params.has("ephemeral_message_parameters") || params.has("receiver_user_id");
  }

  private final Set<Long> refusingEphemeral = new java.util.HashSet<>();
  private final Set<String> deleted = new java.util.HashSet<>();
  private int nextEphemeralId = 1;

  /**
   * An update with a user's private text, numbered like the queued ones but not queued: what Telegram would
   * POST to a webhook.
   */
  public ObjectNode webhookText(long userId, String firstName, String text) {
    ObjectNode message = message(privateChat(userId, firstName), user(userId, firstName));
    message.put("text", text);
    if (text.startsWith("/")) {
      int end = text.indexOf(' ') < 0 ? text.length() : text.indexOf(' ');
      message.putArray("entities").addObject().put("type", "bot_command").put("offset", 0).put("length", end);
    }
    synchronized (lock) {
      ObjectNode update = NODES.objectNode().put("update_id", nextUpdateId++);
      update.set("message", message);
      return update;
    }
  }

  public int text(ObjectNode chat, ObjectNode from, String text) {
    ObjectNode message = message(chat, from);
    message.put("text", text);
    if (text.startsWith("/")) {
      int end = text.indexOf(' ') < 0 ? text.length() : text.indexOf(' ');
      message.putArray("entities").addObject().put("type", "bot_command").put("offset", 0).put("length", end);
    }
    return send("message", message);
  }

  /** A user presses an inline button with {@code data} under the bot's message {@code messageId}. */
  public int pressButton(long chatId, String title, int messageId, long userId, String firstName, String data) {
    ObjectNode query = NODES.objectNode();
    synchronized (lock) {
      query.put("id", "cb" + nextUserMessageId++);
    }
    query.set("from", user(userId, firstName));
    ObjectNode message = query.putObject("message").put("message_id", messageId).put("date", now());
    message.set("chat", chatId > 0 ? privateChat(chatId, firstName) : groupChat(chatId, title));
    message.set("from", botUser());
    query.put("chat_instance", "ci" + chatId);
    query.put("data", data);
    return send("callback_query", query);
  }

  /** A user with an @username presses an inline button in their private chat with the bot. */
  public int pressButtonWithUsername(long userId, String firstName, String username, int messageId, String data) {
    ObjectNode query = NODES.objectNode();
    synchronized (lock) {
      query.put("id", "cb" + nextUserMessageId++);
    }
    query.set("from", user(userId, firstName).put("username", username));
    ObjectNode message = query.putObject("message").put("message_id", messageId).put("date", now());
    message.set("chat", privateChat(userId, firstName));
    message.set("from", botUser());
    query.put("chat_instance", "ci" + userId);
    query.put("data", data);
    return send("callback_query", query);
  }

  /** A user replies with {@code text} to the bot's message {@code botMessageId} in a group. */
  public int replyToBot(long chatId, String title, int botMessageId, long userId, String firstName, String text) {
    ObjectNode message = message(groupChat(chatId, title), user(userId, firstName));
    message.put("text", text);
    ObjectNode original = message.putObject("reply_to_message").put("message_id", botMessageId).put("date", now());
    original.set("chat", groupChat(chatId, title));
    original.set("from", botUser());
    return send("message", message);
  }

  /**
   * A user shares a contact in a private chat: their own (the "share my number" button, {@code contactUserId} equal
   * to {@code userId}), someone else's ({@code contactUserId} another id), or a typed one ({@code contactUserId} null).
   */
  public int sharedContact(long userId, String firstName, String phone, Long contactUserId) {
    ObjectNode message = message(privateChat(userId, firstName), user(userId, firstName));
    ObjectNode contact = message.putObject("contact").put("phone_number", phone).put("first_name", firstName);
    if (contactUserId != null) {
      contact.put("user_id", contactUserId);
    }
    return send("message", message);
  }

  /** A user with an @username writes {@code text} in a private chat. */
  public int privateTextWithUsername(long userId, String firstName, String username, String text) {
    ObjectNode from = user(userId, firstName).put("username", username);
    return text(privateChat(userId, firstName), from, text);
  }

  /** Someone adds the bot to a group. */
  public int botAdded(long chatId, String title, long byUserId) {
    return membership(chatId, title, byUserId, "left", "member");
  }

  /** Someone removes the bot from a group. */
  public int botRemoved(long chatId, String title, long byUserId) {
    return membership(chatId, title, byUserId, "member", "kicked");
  }

  private int membership(long chatId, String title, long byUserId, String oldStatus, String newStatus) {
    ObjectNode change = NODES.objectNode();
    change.set("chat", groupChat(chatId, title));
    change.set("from", user(byUserId, "Admin"));
    change.put("date", now());
    change.putObject("old_chat_member").put("status", oldStatus).set("user", botUser());
    change.putObject("new_chat_member").put("status", newStatus).set("user", botUser());
    return send("my_chat_member", change);
  }

  /** A group becomes a supergroup: the service message in the old chat, as Telegram sends it. */
  public int groupMigrated(long oldChatId, long newChatId, String title) {
    ObjectNode message = message(groupChat(oldChatId, title), user(1, "Telegram"));
    message.put("migrate_to_chat_id", newChatId);
    return send("message", message);
  }

  /** Queues an update of the given kind ({@code message}, {@code callback_query}, ...); returns its id. */
  public int send(String kind, ObjectNode payload) {
    synchronized (lock) {
      int id = nextUpdateId++;
      ObjectNode update = NODES.objectNode().put("update_id", id);
      update.set(kind, payload);
      updates.add(update);
      lock.notifyAll();
      return id;
    }
  }

  /**
   * Delivers already-confirmed updates again, as Telegram does when a bot restarts before confirming:
   * the next getUpdates from offset 0 or 1 returns them once more.
   */
  public void forgetConfirmations() {
    synchronized (lock) {
      confirmedOffset = 0;
    }
  }

  public static ObjectNode privateChat(long userId, String firstName) {
    return NODES.objectNode().put("id", userId).put("type", "private").put("first_name", firstName);
  }

  public static ObjectNode groupChat(long chatId, String title) {
    return NODES.objectNode().put("id", chatId).put("type", chatId < -1_000_000_000_000L ? "supergroup" : "group")
        .put("title", title);
  }

  public static ObjectNode user(long id, String firstName) {
    return NODES.objectNode().put("id", id).put("is_bot", false).put("first_name", firstName);
  }

  private static ObjectNode botUser() {
    return NODES.objectNode().put("id", BOT_ID).put("is_bot", true).put("first_name", "Rakorbot")
        .put("username", BOT_USERNAME);
  }

  private ObjectNode message(ObjectNode chat, ObjectNode from) {
    ObjectNode message = NODES.objectNode();
    synchronized (lock) {
      message.put("message_id", nextUserMessageId++);
    }
    message.put("date", now());
    message.set("chat", chat);
    message.set("from", from);
    return message;
  }

  private static long now() {
    return System.currentTimeMillis() / 1000;
  }

  // ---- faults -------------------------------------------------------------------------------------

  /** The next call of {@code method} is answered with HTTP {@code status} (429 carries {@code retry_after}). */
  public void failNext(String method, int status, String description, Integer retryAfter) {
    synchronized (lock) {
      faults.computeIfAbsent(method.toLowerCase(Locale.ROOT), m -> new ArrayDeque<>())
          .add(new Fault(status, description, retryAfter, null));
    }
  }

  /** From now on, sending to {@code oldChatId} fails with 400 and {@code migrate_to_chat_id}. */
  public void migrateChat(long oldChatId, long newChatId) {
    synchronized (lock) {
      migratedChats.put(oldChatId, newChatId);
    }
  }

  /**
   * From now on, answer sends beyond Telegram's limits with 429 as Telegram does: more than 30 a second in
   * all, more than one a second to a chat, more than 20 a minute to a group.
   */
  public void enforceTelegramLimits() {
    synchronized (lock) {
      enforceLimits = true;
    }
  }

  /**
   * From now on, answer every call but getUpdates only after {@code delay}, as Telegram does (50-300 ms):
   * the call is counted against the limits when it arrives, the answer leaves later.
   */
  public void answerAfter(Duration delay) {
    answerDelayMillis = delay.toMillis();
  }

  /** The 429s by the limit that produced them: global, chat, group. */
  public Map<String, Integer> tooManyByLimit() {
    synchronized (lock) {
      return Map.copyOf(tooManyByLimit);
    }
  }

  /** How many 429s the limits produced. */
  public int tooManyRequests() {
    synchronized (lock) {
      return tooManyRequests;
    }
  }

  private Optional<Fault> overLimit(String method, JsonNode params) {
    if (!enforceLimits || !Set.of("sendmessage", "editmessagetext", "sendphoto", "senddocument").contains(method)) {
      return Optional.empty();
    }
    long now = System.nanoTime();
    long second = 1_000_000_000L;
    long chat = params.path("chat_id").asLong();
    while (!acceptedSends.isEmpty() && acceptedSends.peekFirst() <= now - second) {
      acceptedSends.removeFirst();
    }
    Deque<Long> group = groupSends.computeIfAbsent(chat, c -> new ArrayDeque<>());
    while (!group.isEmpty() && group.peekFirst() <= now - 60 * second) {
      group.removeFirst();
    }
    long wait = 0;
    if (acceptedSends.size() >= 30) {
      wait = acceptedSends.peekFirst() + second - now;
    }
    Long last = lastSendPerChat.get(chat);
    if (last != null && now - last < second) {
      wait = Math.max(wait, last + second - now);
    }
    if (chat < 0 && group.size() >= 20) {
      wait = Math.max(wait, group.peekFirst() + 60 * second - now);
    }
    if (wait > 0) {
      tooManyRequests++;
      String why = acceptedSends.size() >= 30 ? "global" : chat < 0 && group.size() >= 20 ? "group" : "chat";
      if (why.equals("global")) {
        System.err.printf("429 (global): the last 30 sends arrived within %.1f ms%n", (now - acceptedSends.peekFirst()) / 1e6);
      }
      tooManyByLimit.merge(why, 1, Integer::sum);
      int retryAfter = (int) Math.max(1, (wait + second - 1) / second);
      return Optional.of(new Fault(429, "Too Many Requests: retry after " + retryAfter, retryAfter, null));
    }
    acceptedSends.addLast(now);
    lastSendPerChat.put(chat, now);
    if (chat < 0) {
      group.addLast(now);
    }
    return Optional.empty();
  }

  // ---- what the bot did ---------------------------------------------------------------------------

  /** Every call the bot made, in order; {@code method} is lower case. */
  public List<Call> calls() {
    synchronized (lock) {
      return List.copyOf(calls);
    }
  }

  public List<Call> calls(String method) {
    String name = method.toLowerCase(Locale.ROOT);
    return calls().stream().filter(c -> c.method().equals(name)).toList();
  }

  /** The messages the bot sent (accepted ones only) to a chat, for all its members (not the ephemeral ones). */
  public List<Call> messagesTo(long chatId) {
    return calls("sendMessage").stream().filter(c -> c.chatId() == chatId && !ephemeral(c.params())).toList();
  }

  /**
   * Waits (up to 20 s) for the answer to what {@code userId} asked in group {@code chatId}: an ephemeral message to
   * them, or (refused) one the whole group sees.
   */
  public Call awaitAnswer(long chatId, long userId, Predicate<String> text) {
    return Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
        .until(() -> java.util.stream.Stream.concat(ephemeralTo(chatId, userId).stream(), messagesTo(chatId).stream())
            .filter(c -> text.test(c.text())).findFirst(), Optional::isPresent)
        .orElseThrow();
  }

  /** Waits (up to 20 s) for a message to {@code chatId} that matches, and returns it. */
  public Call awaitMessage(long chatId, Predicate<String> text) {
    return Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
        .until(() -> messagesTo(chatId).stream().filter(c -> text.test(c.text())).findFirst(), Optional::isPresent)
        .orElseThrow();
  }

  /** The highest offset a getUpdates call has confirmed: updates below it are gone from the queue. */
  public long confirmedOffset() {
    synchronized (lock) {
      return confirmedOffset;
    }
  }

  // ---- HTTP ---------------------------------------------------------------------------------------

  private void handle(HttpExchange exchange) throws IOException {
    boolean poll = exchange.getRequestURI().getPath().toLowerCase(Locale.ROOT).endsWith("/getupdates");
    if (!poll) {
      answering.incrementAndGet();
    }
    try (exchange) {
      String[] path = exchange.getRequestURI().getPath().split("/");
      if (path.length < 3 || !path[1].equals("bot" + TOKEN)) {
        reply(exchange, 401, error(401, "Unauthorized", null, null));
        return;
      }
      String method = path[path.length - 1].toLowerCase(Locale.ROOT);
      JsonNode params = parameters(exchange);
      Optional<String> refused = refusedText(method, params);
      if (refused.isPresent()) {
        record(method + "!400", params);
        reply(exchange, 400, error(400, "Bad Request: " + refused.get(), null, null));
        return;
      }
      Optional<Fault> fault = takeFault(method, params);
      if (fault.isPresent()) {
        Fault f = fault.get();
        record(method + "!" + f.status(), params);
        reply(exchange, f.status(), error(f.status(), f.description(), f.retryAfter(), f.migrateTo()));
        return;
      }
      JsonNode result;
      try {
        result = method.equals("getupdates") ? getUpdates(params) : answer(method, params);
      } catch (Conflict conflict) {
        record("getupdates!409", params);
        reply(exchange, 409, error(409, "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running", null, null));
        return;
      }
      if (!method.equals("getupdates") && answerDelayMillis > 0) {
        Thread.sleep(answerDelayMillis);
      }
      if (result == null) {
        reply(exchange, 404, error(404, "Not Found: method not found", null, null));
        return;
      }
      reply(exchange, 200, NODES.objectNode().put("ok", true).set("result", result));
    } catch (RuntimeException e) {
      reply(exchange, 500, error(500, "Internal Server Error: " + e, null, null));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      if (!poll) {
        answering.decrementAndGet();
      }
    }
  }

  private final java.util.concurrent.atomic.AtomicInteger answering = new java.util.concurrent.atomic.AtomicInteger();

  /**
   * Whether the bot has taken every queued update (confirmed it with a later offset, which it does only once
   * they are stored) and no call but a long poll is being answered.
   */
  public boolean idle() {
    synchronized (lock) {
      boolean taken = updates.isEmpty() || confirmedOffset > updates.getLast().path("update_id").asLong();
      return taken && answering.get() == 0;
    }
  }

  private final List<String> refusedTexts = new ArrayList<>();

  /** What Telegram would refuse to send: HTML it cannot parse, or a text over its length. */
  private Optional<String> refusedText(String method, JsonNode params) {
    boolean caption = method.equals("sendphoto") || method.equals("senddocument");
    if (!(caption || method.equals("sendmessage") || method.equals("editmessagetext"))) {
      return Optional.empty();
    }
    String text = params.path(caption ? "caption" : "text").asText("");
    Optional<String> problem = params.path("parse_mode").asText("").equalsIgnoreCase("html")
        ? TelegramHtml.problem(text, caption ? TelegramHtml.CAPTION_LIMIT : TelegramHtml.MESSAGE_LIMIT)
        : text.length() > (caption ? TelegramHtml.CAPTION_LIMIT : TelegramHtml.MESSAGE_LIMIT) ? Optional.of("message is too long") : Optional.empty();
    problem.ifPresent(p -> {
      synchronized (lock) {
        refusedTexts.add(method + ": " + p + " in: " + text);
      }
    });
    return problem;
  }

  /** Every text Telegram would have refused, with why; a test harness fails on any. */
  public List<String> refusedTexts() {
    synchronized (lock) {
      return List.copyOf(refusedTexts);
    }
  }

  private Optional<Fault> takeFault(String method, JsonNode params) {
    synchronized (lock) {
      Deque<Fault> queued = faults.get(method);
      if (queued != null && !queued.isEmpty()) {
        return Optional.of(queued.poll());
      }
      if (method.equals("sendmessage") && ephemeral(params)) {
        long chat = params.path("chat_id").asLong();
        if (chat > 0) {
          return Optional.of(new Fault(400, "Bad Request: ephemeral messages can be sent only in groups", null, null));
        }
        if (refusingEphemeral.contains(chat)) {
          return Optional.of(new Fault(400, "Bad Request: BOT_NOT_ADMIN", null, null));
        }
      }
      Long migrateTo = migratedChats.get(params.path("chat_id").asLong());
      if (migrateTo != null && !method.equals("getupdates")) {
        return Optional.of(new Fault(400, "Bad Request: group chat was upgraded to a supergroup chat", null, migrateTo));
      }
      return overLimit(method, params);
    }
  }

  private JsonNode answer(String method, JsonNode params) {
    return switch (method) {
      case "getme" -> botUser().put("can_join_groups", true);
      case "setwebhook" -> {
        record(method, params);
        webhookUrl = params.path("url").asText("");
        yield NODES.booleanNode(true);
      }
      case "getwebhookinfo" -> NODES.objectNode().put("url", webhookUrl).put("has_custom_certificate", false)
          .put("pending_update_count", 0);
      case "deletemessage" -> {
        record(method, params);
        synchronized (lock) {
          deleted.add(params.path("chat_id").asLong() + ":" + params.path("message_id").asInt());
        }
        yield NODES.booleanNode(true);
      }
      case "deletewebhook", "setmycommands", "setchatmenubutton", "leavechat", "answercallbackquery" -> {
        record(method, params);
        yield NODES.booleanNode(true);
      }
      case "sendmessage", "sendphoto", "senddocument", "editmessagetext" -> {
        JsonNode message = sentMessage(method, params);
        synchronized (lock) {
          calls.add(new Call(method, params, System.nanoTime(), message.path("message_id").asInt()));
        }
        yield message;
      }
      default -> null;
    };
  }

  private JsonNode sentMessage(String method, JsonNode params) {
    long chatId = params.path("chat_id").asLong();
    if (method.equals("sendmessage") && ephemeral(params)) {
      ObjectNode message = NODES.objectNode();
      synchronized (lock) {
        message.put("ephemeral_message_id", nextEphemeralId++);
      }
      message.put("date", now()).set("chat", groupChat(chatId, "Group"));
      message.set("from", botUser());
      message.set("receiver_user", NODES.objectNode().put("id", params.path("ephemeral_message_parameters").path("receiver_user_id").asLong())
          .put("is_bot", false).put("first_name", "User"));
      message.put("text", params.path("text").asText());
      return message;
    }
    int messageId;
    synchronized (lock) {
      messageId = method.equals("editmessagetext") ? params.path("message_id").asInt()
          : messageIds.merge(chatId, 1, Integer::sum) + 10_000;
    }
    ObjectNode message = NODES.objectNode().put("message_id", messageId).put("date", now());
    message.set("chat", chatId > 0 ? privateChat(chatId, "User") : groupChat(chatId, "Group"));
    message.set("from", botUser());
    if (params.has("text")) {
      message.put("text", params.path("text").asText());
    }
    return message;
  }

  private JsonNode getUpdates(JsonNode params) {
    long offset = params.path("offset").asLong(0);
    int limit = params.path("limit").asInt(100);
    long deadline = System.currentTimeMillis() + params.path("timeout").asLong(0) * 1000;
    synchronized (lock) {
      lastPollNanos = System.nanoTime();
      long poll = ++pollGeneration; // as Telegram does, a new poll ends the one waiting (when conflicts are on)
      lock.notifyAll();
      if (offset > 0) {
        confirmedOffset = Math.max(confirmedOffset, offset);
      }
      while (true) {
        if (conflicts && poll != pollGeneration) {
          throw new Conflict();
        }
        ArrayNode result = NODES.arrayNode();
        long from = Math.max(offset, confirmedOffset);
        updates.stream().filter(u -> u.path("update_id").asLong() >= from).limit(limit).forEach(result::add);
        long wait = deadline - System.currentTimeMillis();
        if (!result.isEmpty() || wait <= 0) {
          return result;
        }
        try {
          lock.wait(wait);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return result;
        }
      }
    }
  }

  /** A long poll ended by a newer one. */
  private static final class Conflict extends RuntimeException {
    Conflict() {
      super(null, null, false, false);
    }
  }

  private volatile String webhookUrl = "";
  private long pollGeneration;
  private volatile long lastPollNanos;
  private volatile boolean conflicts;

  /**
   * From now on, answer as Telegram does when two processes poll one bot: a new getUpdates ends the one
   * still waiting with 409 Conflict.
   */
  public void answerConcurrentPollsWithConflict() {
    conflicts = true;
  }

  /** When the last getUpdates arrived ({@link System#nanoTime}). */
  public long lastPollNanos() {
    return lastPollNanos;
  }

  private void record(String method, JsonNode params) {
    synchronized (lock) {
      calls.add(new Call(method, params, System.nanoTime(), 0));
    }
  }

  private static JsonNode parameters(HttpExchange exchange) throws IOException {
    byte[] body = exchange.getRequestBody().readAllBytes();
    String type = Optional.ofNullable(exchange.getRequestHeaders().getFirst("Content-Type")).orElse("");
    if (type.startsWith("multipart/form-data")) {
      return Multipart.parse(body, type);
    }
    if (type.startsWith("application/x-www-form-urlencoded")) {
      ObjectNode form = NODES.objectNode();
      for (String pair : new String(body, StandardCharsets.UTF_8).split("&")) {
        String[] kv = pair.split("=", 2);
        if (!kv[0].isEmpty()) {
          form.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
        }
      }
      return form;
    }
    return body.length == 0 ? NODES.objectNode() : JSON.readTree(body);
  }

  private static ObjectNode error(int code, String description, Integer retryAfter, Long migrateTo) {
    ObjectNode error = NODES.objectNode().put("ok", false).put("error_code", code).put("description", description);
    if (retryAfter != null || migrateTo != null) {
      ObjectNode parameters = error.putObject("parameters");
      if (retryAfter != null) {
        parameters.put("retry_after", retryAfter);
      }
      if (migrateTo != null) {
        parameters.put("migrate_to_chat_id", migrateTo);
      }
    }
    return error;
  }

  private static void reply(HttpExchange exchange, int status, JsonNode body) throws IOException {
    byte[] bytes = JSON.writeValueAsBytes(body);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
