package vn.steerflow.committee;

/**
 * The shape of the codes that name units, committees and plans in URLs, engine groups and task
 * codes: capitals, digits and dashes, so they need no escaping anywhere they go.
 */
public final class Codes {

  public static final String PATTERN = "[A-Z0-9][A-Z0-9-]{0,39}";
  public static final String MESSAGE =
      "1 to 40 capital letters, digits or dashes, starting with a letter or digit";

  private Codes() {}
}
