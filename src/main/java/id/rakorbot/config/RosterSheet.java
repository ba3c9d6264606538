package id.rakorbot.config;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.XMLFilterImpl;

/**
 * The roster as the Bakesbangpol office keeps it: a spreadsheet (.xlsx, the first sheet) or a CSV (UTF-8, or
 * Excel's semicolon CSV) with a header row. Columns are found by their header, in any order, case and accents
 * ignored. Every mistake of the file is reported in one run, each with its row and column and, where one is
 * likely, a suggestion.
 */
public final class RosterSheet {

  /** The columns, each with the headers it is known by (compared as {@link #header} makes them). */
  enum Column {
    NAMA("nama", "nama lengkap", "nama dan gelar"),
    JABATAN("jabatan"),
    INSTANSI("instansi", "unit", "satuan", "satuan kerja", "opd"),
    WILAYAH("wilayah", "kecamatan kelurahan", "kelurahan", "kecamatan"),
    HP("nomor hp", "no hp", "hp", "nomor telepon", "no telepon", "telepon", "nomor wa", "no wa", "whatsapp", "nomor hp wa"),
    USERNAME("username", "username telegram", "telegram"),
    PERAN("peran", "role", "roles"),
    GRUP("grup", "group", "grup telegram", "groups"),
    USER_ID("user id", "id telegram", "telegram id"),
    ATASAN("atasan", "atasan langsung", "pimpinan unit");

    private final List<String> headers;

    Column(String... headers) {
      this.headers = Arrays.stream(headers).map(RosterSheet::header).toList();
    }
  }

  private static final java.util.regex.Pattern USERNAME = java.util.regex.Pattern.compile("@?[A-Za-z][A-Za-z0-9_]{4,31}");

  /** What a row is checked against: the groups and areas the YAML declares. */
  public record Known(List<GroupConfig> groups, List<String> areas) {}

  /** The rows read, and the problems found (empty when the file is sound). */
  public record Result(List<Official> people, List<ConfigProblem> problems) {}

  private final Path file;
  private final Known known;
  private final List<ConfigProblem> problems = new ArrayList<>();

  private RosterSheet(Path file, Known known) {
    this.file = file;
    this.known = known;
  }

  public static Result read(Path file, Known known) {
    return new RosterSheet(file, known).read();
  }

  private Result read() {
    List<List<String>> rows;
    try {
      String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
      if (name.endsWith(".xlsx")) {
        rows = xlsx();
      } else if (name.endsWith(".csv")) {
        rows = csv();
      } else {
        return failed(1, 0, "berkas roster harus .xlsx atau .csv (misalnya peserta.xlsx).");
      }
    } catch (NoSuchFileException e) {
      return failed(1, 0, "berkas roster tidak ditemukan. Letakkan di folder yang sama dengan berkas konfigurasi,"
          + " atau tulis jalurnya: roster: {file: data/peserta.xlsx}.");
    } catch (IOException | RuntimeException e) {
      return failed(1, 0, "berkas roster tidak dapat dibaca (" + e.getClass().getSimpleName() + "). Simpan ulang dari Excel"
          + " sebagai Buku Kerja Excel (.xlsx) atau CSV UTF-8.");
    }
    if (rows.isEmpty() || rows.getFirst().stream().allMatch(String::isBlank)) {
      return failed(1, 0, "lembar kosong: baris pertama harus berisi judul kolom, misalnya nama, jabatan, instansi,"
          + " wilayah, nomor HP, username, peran, grup.");
    }
    Map<Column, Integer> columns = columns(rows.getFirst());
    if (!problems.isEmpty()) {
      return new Result(List.of(), List.copyOf(problems));
    }
    List<Official> people = new ArrayList<>();
    Map<String, Integer> phones = new HashMap<>();
    Map<String, Integer> usernames = new HashMap<>();
    Map<String, Integer> keys = new HashMap<>();
    for (int r = 1; r < rows.size(); r++) {
      List<String> cells = rows.get(r);
      if (cells.stream().allMatch(String::isBlank)) {
        continue; // an empty line between blocks of people
      }
      int rowNumber = r + 1;
      person(cells, columns, rowNumber, phones, usernames).ifPresent(person -> {
        Integer first = keys.putIfAbsent(person.key(), rowNumber);
        if (first != null && person.phone() == null && person.username() == null) {
          problem(rowNumber, columns.get(Column.NAMA), "nama ini sudah ada di baris " + first
              + ". Isi nomor HP atau username agar kedua orang dapat dibedakan.");
        }
        people.add(person);
      });
    }
    return new Result(List.copyOf(people), List.copyOf(problems));
  }

  private Optional<Official> person(List<String> cells, Map<Column, Integer> columns, int row, Map<String, Integer> phones,
      Map<String, Integer> usernames) {
    int before = problems.size();
    String name = cell(cells, columns, Column.NAMA);
    if (name.isBlank()) {
      problem(row, columns.get(Column.NAMA), "nama kosong. Setiap baris perlu nama lengkap dengan gelar.");
    }
    List<String> roles = new ArrayList<>();
    for (String role : split(cell(cells, columns, Column.PERAN))) {
      Role.of(role).ifPresentOrElse(r -> roles.add(r.key()),
          () -> problem(row, columns.get(Column.PERAN), RosterMessages.unknown("peran", role, Role.keys())));
    }
    if (split(cell(cells, columns, Column.PERAN)).isEmpty()) {
      problem(row, columns.get(Column.PERAN), "peran kosong. Isi satu atau lebih dari: " + String.join(", ", Role.keys()) + ".");
    }
    List<String> groups = new ArrayList<>();
    for (String group : split(cell(cells, columns, Column.GRUP))) {
      Optional<GroupConfig> found = known.groups().stream()
          .filter(g -> g.id().equalsIgnoreCase(group) || (g.name() != null && g.name().equalsIgnoreCase(group))).findFirst();
      found.ifPresentOrElse(g -> groups.add(g.id()), () -> problem(row, columns.get(Column.GRUP),
          RosterMessages.unknown("grup", group, known.groups().stream().map(GroupConfig::id).toList())));
    }
    String wilayah = cell(cells, columns, Column.WILAYAH);
    if (!wilayah.isBlank() && !known.areas().isEmpty()) {
      Optional<String> area = known.areas().stream().filter(a -> a.equalsIgnoreCase(wilayah)).findFirst();
      if (area.isEmpty()) {
        problem(row, columns.get(Column.WILAYAH), RosterMessages.unknown("wilayah", wilayah, known.areas())
            + " Wilayah harus ada di reports.areas.");
      }
    }
    String phone = cell(cells, columns, Column.HP);
    String normalised = null;
    if (!phone.isBlank()) {
      Optional<String> number = PhoneNumbers.normalise(phone);
      if (number.isEmpty()) {
        problem(row, columns.get(Column.HP), RosterMessages.badPhone(phone));
      } else if (phones.putIfAbsent(number.get(), row) != null) {
        problem(row, columns.get(Column.HP), RosterMessages.duplicate("nomor HP", phones.get(number.get())));
      } else {
        normalised = number.get();
      }
    }
    String username = cell(cells, columns, Column.USERNAME).replace(" ", "");
    if (!username.isBlank()) {
      if (!USERNAME.matcher(username).matches()) {
        problem(row, columns.get(Column.USERNAME), "username '" + username + "' tidak mungkin: username Telegram 5-32 huruf,"
            + " angka atau _, diawali huruf (tanpa spasi), misalnya @budi_santoso.");
      } else if (usernames.putIfAbsent(username.replaceFirst("^@", "").toLowerCase(Locale.ROOT), row) != null) {
        problem(row, columns.get(Column.USERNAME), RosterMessages.duplicate("username", usernames.get(username.replaceFirst("^@", "").toLowerCase(Locale.ROOT))));
      }
    }
    Long userId = null;
    String id = cell(cells, columns, Column.USER_ID);
    if (!id.isBlank()) {
      try {
        userId = Long.parseLong(id.replaceAll("\\.0$", ""));
      } catch (NumberFormatException e) {
        problem(row, columns.get(Column.USER_ID), "user id '" + id + "' harus angka; kosongkan bila belum diketahui.");
      }
    }
    if (problems.size() > before) {
      return Optional.empty();
    }
    return Optional.of(new Official(userId, name.strip(), blankToNull(cell(cells, columns, Column.JABATAN)),
        blankToNull(cell(cells, columns, Column.INSTANSI)), known.areas().stream().filter(a -> a.equalsIgnoreCase(wilayah)).findFirst()
            .orElse(blankToNull(wilayah)), normalised, roles, groups, username.isBlank() ? null : username,
        blankToNull(cell(cells, columns, Column.ATASAN)), file.getFileName() + " baris " + row));
  }

  /** Which column each header is in; a missing required one is a problem of the header row. */
  private Map<Column, Integer> columns(List<String> headerRow) {
    Map<Column, Integer> found = new LinkedHashMap<>();
    for (int c = 0; c < headerRow.size(); c++) {
      String text = header(headerRow.get(c));
      for (Column column : Column.values()) {
        if (column.headers.contains(text) && !found.containsKey(column)) {
          found.put(column, c + 1);
        }
      }
    }
    for (Column required : List.of(Column.NAMA, Column.PERAN)) {
      if (!found.containsKey(required)) {
        problem(1, 0, "baris judul tidak punya kolom '" + required.headers.getFirst() + "'. Judul yang ada: "
            + String.join(", ", headerRow.stream().filter(h -> !h.isBlank()).toList()) + ".");
      }
    }
    return found;
  }

  private static String cell(List<String> cells, Map<Column, Integer> columns, Column column) {
    Integer index = columns.get(column);
    return index == null || index - 1 >= cells.size() ? "" : cells.get(index - 1).strip();
  }

  private static List<String> split(String value) {
    return Arrays.stream(value.split("[,;/]")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  /** A header as compared: lower case, accents and punctuation gone ("Nomor HP/WA" is "nomor hp wa"). */
  static String header(String text) {
    String plain = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    return plain.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", " ").strip();
  }

  /**
   * The first sheet, streamed (POI's event API: no workbook model is built, which makes a cold start several
   * times faster); a merged range is reported where the sheet declares it.
   */
  private List<List<String>> xlsx() throws IOException {
    List<List<String>> rows = new ArrayList<>();
    try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
      XSSFReader reader = new XSSFReader(pkg);
      var sheets = reader.getSheetsData();
      if (!sheets.hasNext()) {
        return rows;
      }
      var strings = new ReadOnlySharedStringsTable(pkg);
      var cells = new XSSFSheetXMLHandler.SheetContentsHandler() {
        @Override
        public void startRow(int rowNum) {
          while (rows.size() <= rowNum) {
            rows.add(new ArrayList<>());
          }
        }

        @Override
        public void endRow(int rowNum) {}

        @Override
        public void cell(String reference, String value, XSSFComment comment) {
          if (reference == null) {
            return;
          }
          CellReference at = new CellReference(reference);
          List<String> row = rows.get(at.getRow());
          while (row.size() <= at.getCol()) {
            row.add("");
          }
          row.set(at.getCol(), value == null ? "" : value);
        }
      };
      XMLFilterImpl mergedCells = new XMLFilterImpl(XMLHelper.newXMLReader()) {
        @Override
        public void startElement(String uri, String localName, String qName, Attributes atts) throws SAXException {
          if ("mergeCell".equals(localName) && atts.getValue("ref") != null) {
            CellRangeAddress merged = CellRangeAddress.valueOf(atts.getValue("ref"));
            problem(merged.getFirstRow() + 1, merged.getFirstColumn() + 1, "sel gabungan " + merged.formatAsString()
                + " tidak dapat dibaca sebagai satu orang per baris. Pisahkan selnya (Beranda › Gabung & Tengahkan › Pisahkan Sel)"
                + " dan isi setiap baris.");
          }
          super.startElement(uri, localName, qName, atts);
        }
      };
      mergedCells.setContentHandler(new XSSFSheetXMLHandler(reader.getStylesTable(), null, strings, cells,
          new DataFormatter(Locale.ROOT), false));
      try (InputStream sheet = sheets.next()) {
        mergedCells.parse(new InputSource(sheet));
      }
    } catch (org.apache.poi.openxml4j.exceptions.OpenXML4JException | SAXException | javax.xml.parsers.ParserConfigurationException e) {
      throw new IOException(e);
    }
    return rows;
  }

  private List<List<String>> csv() throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1); // Excel's "CSV UTF-8" starts with a byte order mark
    }
    String firstLine = text.lines().findFirst().orElse("");
    char separator = firstLine.chars().filter(ch -> ch == ';').count() > firstLine.chars().filter(ch -> ch == ',').count() ? ';' : ',';
    CsvMapper mapper = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);
    List<List<String>> rows = new ArrayList<>();
    try (MappingIterator<List<String>> it = mapper.readerForListOf(String.class)
        .with(CsvSchema.emptySchema().withColumnSeparator(separator)).readValues(text)) {
      while (it.hasNext()) {
        rows.add(it.next());
      }
    }
    return rows;
  }

  private Result failed(int row, int column, String message) {
    problem(row, column, message);
    return new Result(List.of(), List.copyOf(problems));
  }

  private void problem(int row, Integer column, String message) {
    problems.add(ConfigProblem.inSheet(file, row, column == null ? 0 : column, message));
  }
}
