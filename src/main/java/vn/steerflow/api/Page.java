package vn.steerflow.api;

import java.util.ArrayList;
import java.util.List;

/**
 * One page of a listing with the total over all pages, so a client can page without guessing. Pages
 * count from 0; a page holds at most {@link #MAX_SIZE} items.
 */
public record Page<T>(List<T> items, long total, int page, int size) {

  public static final int MAX_SIZE = 200;
  public static final int DEFAULT_SIZE = 50;
  public static final String PAGE = "page";
  public static final String SIZE = "size";

  public Page {
    items = List.copyOf(items);
  }

  /**
   * The requested page number and size, parsed from query text; 400 naming the parameter at fault.
   */
  public record Request(int page, int size) {

    public int offset() {
      return page * size;
    }

    /**
     * Parses {@code page} and {@code size}; null means the default. Adds what is wrong to {@code
     * errors}.
     */
    public static Request parse(String page, String size, List<FieldError> errors) {
      int p = parseInt(page, 0, PAGE, errors);
      int s = parseInt(size, DEFAULT_SIZE, SIZE, errors);
      if (p < 0) {
        errors.add(new FieldError(PAGE, "page starts at 0"));
      }
      if (s < 1 || s > MAX_SIZE) {
        errors.add(new FieldError(SIZE, "size is 1 to " + MAX_SIZE));
      }
      return new Request(Math.max(p, 0), Math.min(Math.max(s, 1), MAX_SIZE));
    }

    /** Parses alone, answering 400 at once when something is wrong. */
    public static Request parse(String page, String size) {
      List<FieldError> errors = new ArrayList<>();
      Request request = parse(page, size, errors);
      if (!errors.isEmpty()) {
        throw ApiException.badRequest("Fix the paging parameters.", errors);
      }
      return request;
    }

    private static int parseInt(String text, int fallback, String field, List<FieldError> errors) {
      if (text == null || text.isBlank()) {
        return fallback;
      }
      try {
        return Integer.parseInt(text.strip());
      } catch (NumberFormatException e) {
        errors.add(new FieldError(field, "a whole number, not '" + text + "'"));
        return fallback;
      }
    }
  }
}
