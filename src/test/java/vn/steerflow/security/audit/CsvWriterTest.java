package vn.steerflow.security.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvWriterTest {

  @Test
  void theFileStartsWithUtf8sByteOrderMarkAndKeepsVietnameseAsUtf8() throws IOException {
    byte[] bytes = write(List.of("Sở Tư pháp", "Đã số hoá"));

    assertThat(Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
    assertThat(new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8))
        .isEqualTo("Sở Tư pháp,Đã số hoá\r\n");
  }

  @Test
  void recordsEndWithCrlfAndFieldsAreQuotedOnlyWhenTheyMustBe() throws IOException {
    String csv =
        text(
            write(
                Arrays.asList(
                    "plain",
                    "a,b",
                    "say \"hi\"",
                    "two\nlines",
                    "cr\rhere",
                    null,
                    "",
                    "{\"report\":1003}")));

    assertThat(csv)
        .isEqualTo(
            "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\"cr\rhere\",,,\"{\"\"report\"\":1003}\"\r\n");
  }

  @Test
  void aCellThatASpreadsheetWouldTakeForAFormulaIsWrittenAsText() {
    assertThat(CsvWriter.cell("=HYPERLINK(\"http://x\")"))
        .isEqualTo("\"'=HYPERLINK(\"\"http://x\"\")\"");
    assertThat(CsvWriter.cell("+1")).isEqualTo("'+1");
    assertThat(CsvWriter.cell("-2+3")).isEqualTo("'-2+3");
    assertThat(CsvWriter.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
    assertThat(CsvWriter.cell("\t=1")).isEqualTo("'\t=1");
    assertThat(CsvWriter.cell("\r=1")).isEqualTo("\"'\r=1\"");
    assertThat(CsvWriter.cell("＝1")).isEqualTo("'＝1");
    // only the first character matters: text with such characters inside is left alone
    assertThat(CsvWriter.cell("a=b+c-d@e")).isEqualTo("a=b+c-d@e");
    assertThat(CsvWriter.cell("2026-11-25T10:00:00Z")).isEqualTo("2026-11-25T10:00:00Z");
  }

  @Test
  void rowsFollowOneAnother() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    CsvWriter csv = new CsvWriter(out);
    csv.row(List.of("id", "actor"));
    csv.row(List.of("1", "giamsat"));
    csv.flush();

    assertThat(text(out.toByteArray())).isEqualTo("id,actor\r\n1,giamsat\r\n");
  }

  private static byte[] write(List<String> row) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    CsvWriter csv = new CsvWriter(out);
    csv.row(row);
    csv.flush();
    return out.toByteArray();
  }

  private static String text(byte[] bytes) {
    return new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
  }
}
