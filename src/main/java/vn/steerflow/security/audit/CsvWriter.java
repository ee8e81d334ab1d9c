package vn.steerflow.security.audit;

import java.io.BufferedWriter;
import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes CSV as RFC 4180 says (comma-separated, CRLF after each record, a field quoted when it
 * holds a comma, a double quote, CR or LF, a quote inside doubled), in UTF-8 after a byte order
 * mark so that Excel reads Vietnamese as Vietnamese.
 *
 * <p>Safe to open in a spreadsheet: a cell that begins with a character a spreadsheet takes for the
 * start of a formula ({@code = + - @}, tab, CR, or their full-width forms) is written with a
 * leading apostrophe, so it shows as the text it is and is never evaluated (OWASP, "CSV
 * Injection").
 */
public final class CsvWriter implements Flushable {

  /** UTF-8's byte order mark, which the file starts with. */
  static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  private static final String FORMULA_STARTS = "=+-@\t\r＝＋－＠";

  private final Writer out;

  /** Starts the file: writes the byte order mark. */
  public CsvWriter(OutputStream stream) throws IOException {
    stream.write(BOM);
    this.out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8));
  }

  /** One record; a null cell is empty. */
  public void row(List<String> cells) throws IOException {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        out.write(',');
      }
      out.write(cell(cells.get(i)));
    }
    out.write("\r\n");
  }

  @Override
  public void flush() throws IOException {
    out.flush();
  }

  /** A cell as written: neutralised if it could start a formula, then quoted if it must be. */
  static String cell(String value) {
    if (value == null || value.isEmpty()) {
      return "";
    }
    String text = FORMULA_STARTS.indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    boolean quote =
        text.indexOf(',') >= 0
            || text.indexOf('"') >= 0
            || text.indexOf('\r') >= 0
            || text.indexOf('\n') >= 0;
    return quote ? '"' + text.replace("\"", "\"\"") + '"' : text;
  }
}
