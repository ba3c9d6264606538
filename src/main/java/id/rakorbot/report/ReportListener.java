package id.rakorbot.report;

import id.rakorbot.config.RakorbotConfig;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** Another feature that looks at each real (not nihil) report as it is stored, in the same transaction (early warnings). */
@FunctionalInterface
public interface ReportListener {

  ReportListener NONE = (handle, config, category, area, at) -> { };

  void stored(Handle handle, RakorbotConfig config, String category, Optional<String> area, Instant at);
}
