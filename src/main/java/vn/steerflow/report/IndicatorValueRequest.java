package vn.steerflow.report;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import vn.steerflow.plan.Indicator;

/** A report's value for one of the task's indicators, named as the task names it. */
public record IndicatorValueRequest(
    @NotBlank(message = "name the task's indicator this value is for") @Size(max = 200)
        String indicator,
    @NotNull(message = "give the value as a number")
        @Digits(
            integer = Indicator.INTEGER_DIGITS,
            fraction = Indicator.FRACTION_DIGITS,
            message = "at most 15 digits before the decimal point and 4 after")
        BigDecimal value) {}
