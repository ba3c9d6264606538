package id.rakorbot.rsvp;

import id.rakorbot.outbox.Priority;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import id.rakorbot.export.ExcelCsv;
import id.rakorbot.config.Official;
import id.rakorbot.outbox.OutgoingFile;
import id.rakorbot.telegram.Command;
import id.rakorbot.telegram.CommandContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * /ekspor_kehadiran [nomor sesi]: the attendance list as a CSV file for the paper report. UTF-8 with a
 * byte-order mark and ';' between fields, as Excel set to Indonesian expects, so names keep their
 * letters and columns split.
 */
final class ExportCommand implements Command {

  private static final CsvSchema COLUMNS = ExcelCsv.columns("Nama", "Jabatan", "Wilayah", "Jawaban", "Wakil", "Alasan");

  private final Responses responses;

  ExportCommand(Responses responses) {
    this.responses = responses;
  }

  @Override
  public String name() {
    return "ekspor_kehadiran";
  }

  @Override
  public String description() {
    return "Admin: unduh daftar kehadiran (CSV) [nomor sesi]";
  }

  @Override
  public void handle(CommandContext context) {
    context.requireAdmin(RsvpTexts.adminsOnly());
    SessionChoice choice = SessionChoice.of(context, responses.sessions(), true);
    var roll = Attendance.roll(context.handle(), choice.session().id(), context.config(), choice.session().schedule().groups());
    var file = OutgoingFile.document("kehadiran-" + choice.session().schedule().id() + "-"
        + choice.session().occurrence().start().toLocalDate() + ".csv", csv(roll), RsvpTexts.exportCaption(choice.session()));
    Optional<Integer> topic = context.message().isTopicMessage() ? Optional.ofNullable(context.message().getMessageThreadId()) : Optional.empty();
    context.outbox().enqueueFile(context.handle(), context.message().getChatId(), topic, file, Priority.BULK, Optional.empty());
  }

  static byte[] csv(Attendance.Roll roll) {
    List<List<String>> rows = new ArrayList<>();
    for (Official official : roll.expected()) {
      var reply = Optional.ofNullable(roll.replies().get(official.userId()));
      rows.add(List.of(official.name(), text(official.jabatan()), text(official.wilayah()),
          reply.map(r -> r.answer().label()).orElse("Tanpa kabar"),
          reply.flatMap(Attendance.Reply::deputy).orElse(""), reply.flatMap(Attendance.Reply::reason).orElse("")));
    }
    return ExcelCsv.write(COLUMNS, rows);
  }

  private static String text(String value) {
    return value == null ? "" : value;
  }
}
