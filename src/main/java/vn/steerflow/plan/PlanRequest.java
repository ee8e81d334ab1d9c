package vn.steerflow.plan;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * A new plan: its code, its name, the issuing committee, the directive document it comes from, and
 * optionally the period it covers. A plan code starts with a letter, so that a number in {@code
 * /plans/{id}} is always an id.
 */
public record PlanRequest(
    @NotBlank(message = "give the plan a code")
        @Pattern(regexp = CODE_PATTERN, message = CODE_MESSAGE)
        String code,
    @NotBlank(message = "give the plan a name") @Size(max = 500) String name,
    @NotBlank(message = "name the issuing committee by its code") String committee,
    @NotNull(message = "give the directive document: number, date, title") @Valid
        DirectiveRequest directive,
    LocalDate periodStart,
    LocalDate periodEnd) {

  public static final String CODE_PATTERN = "[A-Z][A-Z0-9-]{0,39}";
  public static final String CODE_MESSAGE =
      "1 to 40 capital letters, digits or dashes, starting with a letter";

  /** The directive document: its number as written on it ("15/KH-BCĐ"), its date and its title. */
  public record DirectiveRequest(
      @NotBlank(message = "give the directive's number") @Size(max = 100) String number,
      @NotNull(message = "give the directive's date (ISO-8601, e.g. 2026-01-15)") LocalDate date,
      @NotBlank(message = "give the directive's title") @Size(max = 1000) String title) {}
}
