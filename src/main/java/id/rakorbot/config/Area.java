package id.rakorbot.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A kecamatan or kelurahan/desa a report may name: written as its name alone ({@code Klojen}) or with its
 * Kemendagri code ({@code {nama: Klojen, kode: "35.73.03"}}), as {@code init} writes them, for maps and exports.
 */
public record Area(String nama, String kode) {

  @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
  public Area(@JsonProperty("nama") String nama, @JsonProperty("kode") String kode) {
    this.nama = nama == null ? null : nama.strip();
    this.kode = kode == null || kode.isBlank() ? null : kode.strip();
  }

  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  static Area named(String nama) {
    return new Area(nama, null);
  }
}
