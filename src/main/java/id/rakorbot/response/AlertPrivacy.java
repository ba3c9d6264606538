package id.rakorbot.response;

import java.util.List;
import org.jdbi.v3.core.Handle;

/** Retention and erasure in the alerts: an alert that quoted a report keeps only its number and level once the report is anonymised. */
public final class AlertPrivacy {

  private AlertPrivacy() {}

  public static int forgetReports(Handle handle, List<String> numbers) {
    if (numbers.isEmpty()) {
      return 0;
    }
    return handle.createUpdate("""
            UPDATE alert SET summary = '', base_html = '[isi dihapus: masa simpan laporan berakhir]', reporter_id = NULL
            WHERE kind = 'report' AND subject = ANY(:numbers) AND summary <> ''""")
        .bind("numbers", numbers.toArray(String[]::new)).execute();
  }
}
