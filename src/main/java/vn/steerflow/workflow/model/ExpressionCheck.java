package vn.steerflow.workflow.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads the expressions ({@code ${...}}, {@code #{...}}) in a piece of a model and says what in
 * them is not allowed. An allowed expression compares contract variables with literals: names of
 * the contract's variables, string and number literals, EL's keywords, comparison, logical and
 * arithmetic operators, the conditional {@code ? :} and parentheses for grouping.
 *
 * <p>Everything that reaches code is refused: a dot or bracket (property access, and so a method of
 * any object: {@code ${''.getClass()}}), a name followed by a parenthesis (a function or method
 * call), any other name (implicit objects such as {@code execution}, beans). The lexer reads the
 * whole text, so a closing brace inside a string literal does not end an expression early.
 */
final class ExpressionCheck {

  private static final Set<String> KEYWORDS =
      Set.of(
          "and", "or", "not", "eq", "ne", "lt", "gt", "le", "ge", "true", "false", "null", "empty",
          "div", "mod");

  private ExpressionCheck() {}

  /** One message per thing refused in the text's expressions; empty when all are allowed. */
  static List<String> problems(String text, Set<String> variables) {
    List<String> problems = new ArrayList<>();
    int i = 0;
    while (i < text.length() - 1) {
      char c = text.charAt(i);
      if ((c == '$' || c == '#') && text.charAt(i + 1) == '{') {
        i = expression(text, i, variables, problems);
      } else {
        i++;
      }
    }
    return problems;
  }

  /** Checks the expression opening at {@code start}; returns the index after it. */
  private static int expression(String text, int start, Set<String> variables, List<String> out) {
    int i = start + 2;
    List<String> found = new ArrayList<>();
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '}') {
        report(text.substring(start, i + 1), found, out);
        return i + 1;
      }
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '\'' || c == '"') {
        i = stringLiteral(text, i);
        if (i < 0) {
          out.add("'" + text.substring(start) + "' has a string that never ends");
          return text.length();
        }
      } else if (Character.isDigit(c)) {
        i = number(text, i);
      } else if (Character.isLetter(c) || c == '_') {
        int end = i;
        while (end < text.length()
            && (Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '_')) {
          end++;
        }
        String name = text.substring(i, end);
        int next = end;
        while (next < text.length() && Character.isWhitespace(text.charAt(next))) {
          next++;
        }
        if (next < text.length() && text.charAt(next) == '(') {
          found.add("calls " + name + "(...), and expressions call nothing");
        } else if (!KEYWORDS.contains(name) && !variables.contains(name)) {
          found.add(
              "names '"
                  + name
                  + "', which is no variable of the contract (TaskCycleContract.Vars)");
        }
        i = end;
      } else {
        int operator = operator(text, i);
        if (operator == 0) {
          found.add(
              c == '.' || c == '['
                  ? "reads a property with '" + c + "', and expressions reach no object's members"
                  : "has '" + c + "', which an expression of a steerflow model may not use");
          i++;
        } else {
          i += operator;
        }
      }
    }
    out.add("'" + text.substring(start) + "' is not closed with '}'");
    return text.length();
  }

  private static void report(String expression, List<String> found, List<String> out) {
    for (String finding : found) {
      out.add(expression + " " + finding);
    }
  }

  /** The index after the literal opening at {@code start}, or -1 when it never ends. */
  private static int stringLiteral(String text, int start) {
    char quote = text.charAt(start);
    int i = start + 1;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '\\') {
        i += 2;
      } else if (c == quote) {
        return i + 1;
      } else {
        i++;
      }
    }
    return -1;
  }

  private static int number(String text, int start) {
    int i = start;
    while (i < text.length() && Character.isDigit(text.charAt(i))) {
      i++;
    }
    // a decimal part; a dot not followed by a digit is property access and is refused as such
    if (i + 1 < text.length() && text.charAt(i) == '.' && Character.isDigit(text.charAt(i + 1))) {
      i++;
      while (i < text.length() && Character.isDigit(text.charAt(i))) {
        i++;
      }
    }
    return i;
  }

  /** The length of the operator at {@code i}, or 0 when there is none. */
  private static int operator(String text, int i) {
    String two = i + 1 < text.length() ? text.substring(i, i + 2) : "";
    if (Set.of("==", "!=", "<=", ">=", "&&", "||").contains(two)) {
      return 2;
    }
    return "<>!+-*/%?:()".indexOf(text.charAt(i)) >= 0 ? 1 : 0;
  }
}
