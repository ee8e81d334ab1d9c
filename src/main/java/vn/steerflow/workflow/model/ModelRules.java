package vn.steerflow.workflow.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParser;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.impl.xml.ProblemImpl;
import vn.steerflow.workflow.TaskCycleContract;
import vn.steerflow.workflow.TaskCycleContract.FormKeys;
import vn.steerflow.workflow.TaskCycleContract.Vars;

/**
 * The rules a BPMN model keeps to before the engine deploys it: the contract of DESIGN.md §2, and
 * nothing that runs code of the model's own. Checked on the engine's parse of the file (its element
 * tree with line and column), so each problem names the element at fault and where it is.
 *
 * <ul>
 *   <li>At least one executable process, each with {@code camunda:historyTimeToLive}.
 *   <li>Every user task has a steerflow form key and offers itself to groups from the contract's
 *       group variables only: no named users, no literal groups.
 *   <li>Service and send tasks and listeners call a bean of the engine's allowlist through {@code
 *       camunda:delegateExpression="${bean}"}, and nothing else: no Java class, no expression
 *       method, no script, no connector, no external task, no field injection.
 *   <li>Every other expression ({@code ${...}} or {@code #{...}}, in any attribute or text) names
 *       contract variables and literals only, with operators: no method call, no property access,
 *       no function.
 *   <li>No script task, call activity or business rule task; no Camunda extension the code does not
 *       know; no schema location for the XML parser to fetch.
 * </ul>
 *
 * <p>Allowlists, not denylists: a Camunda attribute or extension element not named here is refused,
 * so a feature added to a later engine does not slip through.
 */
public final class ModelRules {

  static final String CAMUNDA_NS = BpmnParser.CAMUNDA_BPMN_EXTENSIONS_NS;

  /** The engine reads Camunda's extensions under this older namespace too. */
  @SuppressWarnings("deprecation")
  static final String ACTIVITI_NS = BpmnParser.ACTIVITI_BPMN_EXTENSIONS_NS;

  static final String BPMN_NS = BpmnParser.BPMN20_NS;
  static final String XSI_NS = BpmnParser.XSI_NS;

  /** Camunda attributes on BPMN elements that run nothing of the model's own. */
  private static final Set<String> CAMUNDA_ATTRIBUTES =
      Set.of(
          "historyTimeToLive",
          "versionTag",
          "isStartableInTasklist",
          "jobPriority",
          "taskPriority",
          "asyncBefore",
          "asyncAfter",
          "async",
          "exclusive",
          "formKey",
          "candidateGroups",
          "dueDate",
          "followUpDate",
          "priority",
          "delegateExpression",
          "collection",
          "elementVariable",
          "errorCodeVariable",
          "errorMessageVariable",
          "escalationCodeVariable",
          "modelerTemplate",
          "modelerTemplateVersion");

  /** Why a Camunda attribute is refused, for those an admin is likely to try. */
  private static final Map<String, String> REFUSED_ATTRIBUTES =
      Map.ofEntries(
          Map.entry("class", "no Java class of a model's choosing runs in steerflow"),
          Map.entry("expression", "steps call beans through camunda:delegateExpression only"),
          Map.entry("resultVariable", "steps call beans through camunda:delegateExpression only"),
          Map.entry("type", "external tasks and connectors do not run in steerflow"),
          Map.entry("topic", "external tasks do not run in steerflow"),
          Map.entry("resource", "scripts, external or not, do not run in steerflow"),
          Map.entry(
              "assignee",
              "steps are offered to groups from the contract's variables, never to named users"),
          Map.entry(
              "candidateUsers",
              "steps are offered to groups from the contract's variables, never to named users"),
          Map.entry("formHandlerClass", "no Java class of a model's choosing runs in steerflow"),
          Map.entry(
              "variableMappingClass", "no Java class of a model's choosing runs in steerflow"),
          Map.entry(
              "variableMappingDelegateExpression",
              "call activities are not supported in steerflow"),
          Map.entry("formRef", "steerflow serves steps by their form key, not by Camunda forms"),
          Map.entry("initiator", "steerflow starts every cycle itself; no starter is recorded"),
          Map.entry("candidateStarterGroups", "steerflow starts every cycle itself"),
          Map.entry("candidateStarterUsers", "steerflow starts every cycle itself"));

  /** Camunda extension elements the code knows, with the plain attributes each may carry. */
  private static final Map<String, Set<String>> CAMUNDA_ELEMENTS =
      Map.ofEntries(
          Map.entry("inputOutput", Set.of()),
          Map.entry("inputParameter", Set.of("name")),
          Map.entry("outputParameter", Set.of("name")),
          Map.entry("list", Set.of()),
          Map.entry("map", Set.of()),
          Map.entry("entry", Set.of("key")),
          Map.entry("value", Set.of()),
          Map.entry("properties", Set.of()),
          Map.entry("property", Set.of("id", "name", "value")),
          Map.entry("failedJobRetryTimeCycle", Set.of()),
          Map.entry("executionListener", Set.of("event", "delegateExpression")),
          Map.entry("taskListener", Set.of("event", "delegateExpression", "id")));

  private static final Map<String, String> REFUSED_ELEMENTS =
      Map.ofEntries(
          Map.entry("script", "scripts do not run in steerflow"),
          Map.entry("connector", "connectors would call out of the server"),
          Map.entry("field", "field injection would change the allowlisted beans, shared by all"),
          Map.entry("expression", "field injection would change the allowlisted beans"),
          Map.entry("string", "field injection would change the allowlisted beans"),
          Map.entry("formData", "steerflow serves steps by their form key, not generated forms"),
          Map.entry("formField", "steerflow serves steps by their form key, not generated forms"),
          Map.entry("formProperty", "steerflow serves steps by their form key"),
          Map.entry("in", "call activities are not supported in steerflow"),
          Map.entry("out", "call activities are not supported in steerflow"),
          Map.entry("errorEventDefinition", "external tasks do not run in steerflow"),
          Map.entry("potentialStarter", "steerflow starts every cycle itself"));

  /** BPMN elements refused outright, with why and what to do instead. */
  private static final Map<String, String> REFUSED_BPMN_ELEMENTS =
      Map.ofEntries(
          Map.entry(
              "scriptTask",
              "scripts do not run in steerflow: use a serviceTask calling an allowlisted bean"),
          Map.entry("script", "scripts do not run in steerflow"),
          Map.entry(
              "callActivity",
              "call activities are not supported: a task's cycle is one process instance, found"
                  + " by its business key (DESIGN.md section 2)"),
          Map.entry("businessRuleTask", "decision tables (DMN) do not run in steerflow"),
          Map.entry("import", "a model imports nothing"),
          Map.entry(
              "humanPerformer",
              "offer the step with camunda:candidateGroups from a contract group variable"),
          Map.entry(
              "potentialOwner",
              "offer the step with camunda:candidateGroups from a contract group variable"),
          Map.entry(
              "performer",
              "offer the step with camunda:candidateGroups from a contract group variable"));

  /** BPMN elements whose work is a call: they must name an allowlisted bean. */
  private static final Set<String> CALLING_TASKS = Set.of("serviceTask", "sendTask");

  /** Elements whose text is prose for people, never evaluated. */
  private static final Set<String> PROSE = Set.of("documentation", "text");

  private static final Set<String> DIAGRAM_NAMESPACES =
      Set.of(
          "http://www.omg.org/spec/BPMN/20100524/DI",
          "http://www.omg.org/spec/DD/20100524/DC",
          "http://www.omg.org/spec/DD/20100524/DI");

  private final Set<String> beans;
  private final Set<String> variables;
  private final Set<String> formKeys;
  private final Set<String> groupExpressions;

  /** Rules for an engine whose expressions resolve exactly these beans (its setBeans map). */
  public ModelRules(Set<String> beans) {
    this.beans = new TreeSet<>(beans);
    this.variables = TaskCycleContract.names(Vars.class);
    this.formKeys = TaskCycleContract.names(FormKeys.class);
    this.groupExpressions =
        TaskCycleContract.GROUP_VARIABLES.stream()
            .map(v -> "${" + v + "}")
            .collect(Collectors.toCollection(TreeSet::new));
  }

  /** The problems of one parsed model, in document order; empty when it keeps every rule. */
  public List<Problem> check(Element definitions) {
    List<Problem> problems = new ArrayList<>();
    checkProcesses(definitions, problems);
    visit(definitions, null, problems);
    return problems;
  }

  private void checkProcesses(Element definitions, List<Problem> problems) {
    List<Element> processes =
        definitions.elements().stream()
            .filter(e -> BPMN_NS.equals(e.getUri()) && "process".equals(e.getTagName()))
            .toList();
    List<Element> executable =
        processes.stream().filter(p -> "true".equals(p.attribute("isExecutable"))).toList();
    if (processes.isEmpty()) {
      problems.add(
          problem(definitions, null, "the file holds no process: a model needs one executable"));
    } else if (executable.isEmpty()) {
      for (Element process : processes) {
        problems.add(
            problem(
                process,
                null,
                describe(process, null)
                    + " is not executable: set isExecutable=\"true\" (the engine deploys"
                    + " executable processes only, and a model needs at least one)"));
      }
    }
    for (Element process : executable) {
      String ttl = camundaAttribute(process, "historyTimeToLive");
      if (ttl == null || ttl.isBlank()) {
        problems.add(
            problem(
                process,
                null,
                describe(process, null)
                    + " has no camunda:historyTimeToLive: add one, in days (e.g."
                    + " camunda:historyTimeToLive=\"3650\"), so its history is cleaned up"));
      }
    }
  }

  private void visit(Element element, String ownerId, List<Problem> problems) {
    String id = element.attribute("id");
    String owner = id != null && !id.isBlank() ? id : ownerId;
    String uri = element.getUri() == null ? "" : element.getUri();
    if (DIAGRAM_NAMESPACES.contains(uri)) {
      return; // shapes and edges: drawn, never run
    }
    if (BPMN_NS.equals(uri)) {
      checkBpmnElement(element, owner, problems);
    } else if (isCamunda(uri)) {
      checkCamundaElement(element, owner, problems);
    }
    checkAttributes(element, owner, problems);
    if (!PROSE.contains(element.getTagName())) {
      String text = element.getText();
      if (text != null && !text.isBlank()) {
        checkExpressions(text, "the text of " + describe(element, owner), element, owner, problems);
      }
    }
    for (Element child : element.elements()) {
      visit(child, owner, problems);
    }
  }

  private void checkBpmnElement(Element element, String owner, List<Problem> problems) {
    String tag = element.getTagName();
    String refused = REFUSED_BPMN_ELEMENTS.get(tag);
    if (refused != null) {
      problems.add(problem(element, owner, describe(element, owner) + ": " + refused));
      return;
    }
    if ("userTask".equals(tag)) {
      checkUserTask(element, owner, problems);
    }
    if (CALLING_TASKS.contains(tag) && camundaAttribute(element, "delegateExpression") == null) {
      problems.add(
          problem(
              element,
              owner,
              describe(element, owner)
                  + " calls no bean: give it camunda:delegateExpression=\"${bean}\" with one of "
                  + beanList()));
    }
  }

  private void checkUserTask(Element task, String owner, List<Problem> problems) {
    String formKey = camundaAttribute(task, "formKey");
    if (formKey == null || !formKeys.contains(formKey.strip())) {
      problems.add(
          problem(
              task,
              owner,
              describe(task, owner)
                  + (formKey == null
                      ? " has no camunda:formKey"
                      : " has camunda:formKey \"" + formKey + "\", which is no steerflow step")
                  + ": the code serves a step by its form key, one of "
                  + String.join(", ", formKeys)));
    }
    String groups = camundaAttribute(task, "candidateGroups");
    List<String> wrong = new ArrayList<>();
    if (groups != null) {
      for (String group : groups.split(",")) {
        if (!groupExpressions.contains(group.strip())) {
          wrong.add(group.strip());
        }
      }
    }
    if (groups == null || groups.isBlank() || !wrong.isEmpty()) {
      problems.add(
          problem(
              task,
              owner,
              describe(task, owner)
                  + (groups == null || groups.isBlank()
                      ? " is offered to nobody"
                      : " is offered to " + String.join(", ", wrong))
                  + ": set camunda:candidateGroups to one or more of "
                  + String.join(", ", groupExpressions)
                  + ", the groups the code fills in"));
    }
  }

  private void checkCamundaElement(Element element, String owner, List<Problem> problems) {
    String tag = element.getTagName();
    Set<String> attributes = CAMUNDA_ELEMENTS.get(tag);
    if (attributes == null) {
      problems.add(
          problem(
              element,
              owner,
              describe(element, owner)
                  + " is not allowed in steerflow models: "
                  + REFUSED_ELEMENTS.getOrDefault(tag, "the code does not know it")));
      return;
    }
    for (String key : element.attributes()) {
      if (isQualified(key)) {
        continue; // namespaced attributes are checked with the others
      }
      if (!attributes.contains(key)) {
        problems.add(
            problem(
                element,
                owner,
                describe(element, owner)
                    + " has attribute "
                    + key
                    + ", which is not allowed: "
                    + REFUSED_ATTRIBUTES.getOrDefault(key, "the code does not know it")));
      }
    }
    if (tag.endsWith("Listener") && element.attribute("delegateExpression") == null) {
      problems.add(
          problem(
              element,
              owner,
              describe(element, owner)
                  + " calls no bean: give it delegateExpression=\"${bean}\" with one of "
                  + beanList()));
    }
  }

  private void checkAttributes(Element element, String owner, List<Problem> problems) {
    boolean camundaElement = isCamunda(element.getUri());
    for (String key : new TreeSet<>(element.attributes())) {
      String value = element.attribute(key);
      String name = localName(key);
      String namespace = namespace(key);
      if (XSI_NS.equals(namespace)
          && ("schemaLocation".equals(name) || "noNamespaceSchemaLocation".equals(name))) {
        problems.add(
            problem(
                element,
                owner,
                describe(element, owner)
                    + " names a schema location ("
                    + value
                    + "): remove xsi:"
                    + name
                    + ", the engine checks models against its own BPMN schema"));
        continue;
      }
      boolean camundaAttribute = isCamunda(namespace);
      if (camundaAttribute && !CAMUNDA_ATTRIBUTES.contains(name)) {
        problems.add(
            problem(
                element,
                owner,
                describe(element, owner)
                    + " has camunda:"
                    + name
                    + ", which is not allowed: "
                    + REFUSED_ATTRIBUTES.getOrDefault(name, "the code does not know it")));
        continue;
      }
      if ((camundaAttribute || camundaElement) && "delegateExpression".equals(name)) {
        checkDelegateExpression(value, element, owner, problems);
        continue;
      }
      if (namespace == null && ("language".equals(name) || "scriptFormat".equals(name))) {
        problems.add(
            problem(
                element,
                owner,
                describe(element, owner)
                    + " has "
                    + name
                    + "=\""
                    + value
                    + "\": scripts do not run in steerflow; write an expression ${...} instead"));
        continue;
      }
      checkExpressions(
          value,
          "attribute "
              + (camundaAttribute ? "camunda:" : "")
              + name
              + " of "
              + describe(element, owner),
          element,
          owner,
          problems);
    }
  }

  private void checkDelegateExpression(
      String value, Element element, String owner, List<Problem> problems) {
    String trimmed = value == null ? "" : value.strip();
    boolean allowed =
        trimmed.startsWith("${")
            && trimmed.endsWith("}")
            && beans.contains(trimmed.substring(2, trimmed.length() - 1).strip());
    if (!allowed) {
      problems.add(
          problem(
              element,
              owner,
              describe(element, owner)
                  + " calls \""
                  + value
                  + "\", which is no allowlisted bean: use one of "
                  + beanList()));
    }
  }

  private void checkExpressions(
      String text, String where, Element element, String owner, List<Problem> problems) {
    for (String finding : ExpressionCheck.problems(text, variables)) {
      problems.add(problem(element, owner, "expression in " + where + ": " + finding));
    }
  }

  private String beanList() {
    return beans.isEmpty()
        ? "(none: this engine allows no bean)"
        : beans.stream().map(b -> "${" + b + "}").collect(Collectors.joining(", "));
  }

  /** The element as an admin finds it in the modeler: its tag and id, or its owner's. */
  private static String describe(Element element, String owner) {
    String prefix = isCamunda(element.getUri()) ? "camunda:" : "";
    String id = element.attribute("id");
    if (id != null && !id.isBlank()) {
      return prefix + element.getTagName() + " '" + id + "'";
    }
    return prefix + element.getTagName() + (owner == null ? "" : " in '" + owner + "'");
  }

  private static Problem problem(Element element, String owner, String message) {
    String id = element.attribute("id");
    if ((id == null || id.isBlank()) && owner != null) {
      return new ProblemImpl(message, element, owner);
    }
    return new ProblemImpl(message, element);
  }

  private static String camundaAttribute(Element element, String name) {
    String value = element.attribute(CAMUNDA_NS + ":" + name);
    return value != null ? value : element.attribute(ACTIVITI_NS + ":" + name);
  }

  private static boolean isCamunda(String namespace) {
    return CAMUNDA_NS.equals(namespace) || ACTIVITI_NS.equals(namespace);
  }

  /**
   * The engine keys a namespaced attribute as "namespace:name" and a plain one by its name alone;
   * parsed namespace-aware, a plain name holds no ':' unless it is an xmlns declaration.
   */
  private static boolean isQualified(String key) {
    return key.indexOf(':') >= 0 && !key.startsWith("xmlns");
  }

  private static String namespace(String key) {
    return isQualified(key) ? key.substring(0, key.lastIndexOf(':')) : null;
  }

  private static String localName(String key) {
    return isQualified(key) ? key.substring(key.lastIndexOf(':') + 1) : key;
  }
}
