package id.rakorbot.rsvp;

import id.rakorbot.config.CurrentConfig;
import id.rakorbot.feature.Feature;
import id.rakorbot.outbox.Outbox;
import id.rakorbot.schedule.ReminderHooks;
import id.rakorbot.schedule.Sessions;
import id.rakorbot.telegram.Command;
import id.rakorbot.telegram.CallbackHandler;
import id.rakorbot.telegram.MessageHandler;
import id.rakorbot.telegram.TelegramJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.jdbi.v3.core.Jdbi;

/** The RSVP feature, wired: its hooks into reminders, its commands, button and reply handlers, and the tally loop. */
public final class Rsvp implements Feature {

  private final RsvpHooks hooks;
  private final Responses responses;
  private final Outbox outbox;
  private final Tallies tallies;

  /** @param tallyCoalesce how long the changes of a live tally are gathered into one edit */
  public Rsvp(Jdbi jdbi, CurrentConfig config, Outbox outbox, Sessions sessions, java.time.Duration tallyCoalesce) {
    this.tallies = new Tallies(jdbi, config, outbox, TelegramJson.mapper(), tallyCoalesce);
    this.hooks = new RsvpHooks(config, outbox, tallies);
    this.responses = new Responses(sessions);
    this.outbox = outbox;
  }

  public ReminderHooks hooks() {
    return hooks;
  }

  @Override
  public List<Command> commands() {
    List<Command> commands = new ArrayList<>(AnswerCommand.all(responses));
    commands.add(new KehadiranCommand(responses));
    commands.add(new ExportCommand(responses));
    return commands;
  }

  @Override
  public List<CallbackHandler> callbacks() {
    return List.of(new RsvpCallback(responses, outbox, tallies));
  }

  @Override
  public List<MessageHandler> messageHandlers() {
    return List.of(new DeputyReply(responses, outbox));
  }

  @Override
  public Map<String, BooleanSupplier> loops() {
    return Map.of("rsvp-tallies", tallies::alive);
  }

  @Override
  public void start() {
    tallies.start();
  }

  @Override
  public void close() {
    tallies.close();
  }
}
