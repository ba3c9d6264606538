package id.rakorbot.background;

/**
 * One {@link Worker} thread that a feature builds with itself and starts later, once the bot is up: not
 * alive (so health names it) until started and after it stops; a wake before the start is a no-op.
 */
public final class Loop implements AutoCloseable {

  private final String name;
  private volatile Worker worker;

  public Loop(String name) {
    this.name = name;
  }

  public void start(Worker.Step step) {
    worker = Worker.start(name, 1, step);
  }

  /** Runs the step now rather than when its wait ends. */
  public void wake() {
    Worker w = worker;
    if (w != null) {
      w.wake();
    }
  }

  public boolean alive() {
    Worker w = worker;
    return w != null && w.alive();
  }

  @Override
  public void close() {
    Worker w = worker;
    if (w != null) {
      w.close();
    }
  }
}
