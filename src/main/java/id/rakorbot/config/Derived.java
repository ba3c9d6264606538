package id.rakorbot.config;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * What features work out from one loaded config (its schedules parsed into a book, say), computed at most once
 * and kept with that config, so that nothing re-parses it per call and no static cache outlives it. Not part of
 * what a config says: every two are equal.
 */
public final class Derived {

  private final ConcurrentHashMap<Class<?>, Object> values = new ConcurrentHashMap<>();

  /** The value of {@code type} for this config, computed by {@code compute} the first time. */
  public <T> T get(Class<T> type, Supplier<T> compute) {
    return type.cast(values.computeIfAbsent(type, t -> compute.get()));
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Derived;
  }

  @Override
  public int hashCode() {
    return 0;
  }

  @Override
  public String toString() {
    return "Derived";
  }
}
