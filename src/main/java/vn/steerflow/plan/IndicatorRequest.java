package vn.steerflow.plan;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/**
 * One indicator of a task's clear result, given at assignment: what is measured, in what unit, the
 * target, where it starts (optional, taken as 0) and which way is better.
 */
public record IndicatorRequest(
    @NotBlank(message = "name the indicator") @Size(max = Indicator.NAME_LENGTH) String name,
    @NotBlank(message = "give the unit of measure, e.g. % or ngày")
        @Size(max = Indicator.UNIT_LENGTH)
        String unitOfMeasure,
    @NotNull(message = "clear result: give the indicator's target")
        @Digits(
            integer = Indicator.INTEGER_DIGITS,
            fraction = Indicator.FRACTION_DIGITS,
            message = "at most 15 digits before the decimal point and 4 after")
        BigDecimal target,
    @Digits(
            integer = Indicator.INTEGER_DIGITS,
            fraction = Indicator.FRACTION_DIGITS,
            message = "at most 15 digits before the decimal point and 4 after")
        BigDecimal baseline,
    @NotNull(message = "say HIGHER_IS_BETTER or LOWER_IS_BETTER") IndicatorDirection direction) {}
