package vn.steerflow.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.ExclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.camunda.bpm.model.bpmn.instance.MessageEventDefinition;
import org.camunda.bpm.model.bpmn.instance.MultiInstanceLoopCharacteristics;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ScriptTask;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.TerminateEventDefinition;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaScript;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import vn.steerflow.workflow.TaskCycleContract.Beans;
import vn.steerflow.workflow.TaskCycleContract.Decision;
import vn.steerflow.workflow.TaskCycleContract.ExtensionDecision;
import vn.steerflow.workflow.TaskCycleContract.FormKeys;
import vn.steerflow.workflow.TaskCycleContract.Messages;
import vn.steerflow.workflow.TaskCycleContract.ReportStatus;
import vn.steerflow.workflow.TaskCycleContract.TaskKind;
import vn.steerflow.workflow.TaskCycleContract.Vars;

/**
 * The default model keeps to the contract (DESIGN.md §2) by construction, checked without an
 * engine: the same rules an admin's uploaded model has to pass.
 */
class TaskCycleModelTest {

  private static final String RESOURCE = "bpmn/task-cycle.bpmn";
  private static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";
  private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{(.*?)}", Pattern.DOTALL);
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final Pattern STRING_LITERAL = Pattern.compile("'[^']*'|\"[^\"]*\"");
  private static final Set<String> EL_KEYWORDS =
      Set.of(
          "and", "or", "not", "eq", "ne", "lt", "gt", "le", "ge", "true", "false", "null", "empty",
          "div", "mod");

  private final BpmnModelInstance model = readModel();

  @Test
  void theModelIsTheExecutableTaskCycleWithAHistoryTimeToLive() {
    Process process = model.getModelElementById(TaskCycleContract.DEFAULT_PROCESS_ID);
    assertThat(process).isNotNull();
    assertThat(process.isExecutable()).isTrue();
    assertThat(process.getCamundaHistoryTimeToLiveString()).isEqualTo("3650");
  }

  @Test
  void theModelRunsNoScriptAndNoJavaClass() {
    assertThat(model.getModelElementsByType(ScriptTask.class)).isEmpty();
    assertThat(model.getModelElementsByType(CamundaScript.class)).isEmpty();
    // camunda:class (delegates, listeners) and camunda:expression would run code outside the
    // allowlist
    assertThat(camundaAttributes("class")).isEmpty();
    assertThat(camundaAttributes("expression")).isEmpty();
  }

  @Test
  void serviceStepsCallAllowlistedBeansOnly() {
    Set<String> beans = constants(Beans.class);
    Collection<ServiceTask> serviceTasks = model.getModelElementsByType(ServiceTask.class);
    assertThat(serviceTasks).isNotEmpty();
    for (ServiceTask serviceTask : serviceTasks) {
      String delegate = serviceTask.getCamundaDelegateExpression();
      assertThat(delegate).as(serviceTask.getId()).matches("\\$\\{[A-Za-z]+}");
      assertThat(beans)
          .as(serviceTask.getId())
          .contains(delegate.substring(2, delegate.length() - 1));
    }
  }

  @Test
  void everyExpressionNamesOnlyContractVariablesBeansAndValues() {
    Set<String> allowed = new HashSet<>(constants(Vars.class));
    allowed.addAll(constants(Beans.class));
    Set<String> values = new HashSet<>(constants(Decision.class));
    values.addAll(constants(ReportStatus.class));
    values.addAll(constants(TaskKind.class));
    values.addAll(constants(ExtensionDecision.class));
    List<String> expressions = expressions();
    assertThat(expressions).isNotEmpty();
    for (String expression : expressions) {
      // no method calls, no implicit objects (execution, task, ...): identifiers are variable or
      // bean names
      Matcher literals = STRING_LITERAL.matcher(expression);
      while (literals.find()) {
        // conditions compare with the contract's values, so a renamed value cannot drift apart
        String literal = literals.group();
        assertThat(values)
            .as("literal in %s", expression)
            .contains(literal.substring(1, literal.length() - 1));
      }
      String withoutLiterals = STRING_LITERAL.matcher(expression).replaceAll("''");
      assertThat(withoutLiterals)
          .as(expression)
          .doesNotContain("(")
          .doesNotContain(".")
          .doesNotContain("[");
      Matcher identifiers = IDENTIFIER.matcher(withoutLiterals);
      while (identifiers.find()) {
        String identifier = identifiers.group();
        if (!EL_KEYWORDS.contains(identifier)) {
          assertThat(allowed).as("identifier in %s", expression).contains(identifier);
        }
      }
    }
  }

  @Test
  void everyUserTaskHasAContractFormKeyAndAGroupVariableAsCandidates() {
    Set<String> formKeys = constants(FormKeys.class);
    Set<String> groupExpressions =
        Set.of(
            "${" + Vars.LEAD_UNIT + "}",
            "${" + Vars.SUPERVISOR_GROUP + "}",
            "${" + Vars.LEADER_GROUP + "}",
            "${" + Vars.COORDINATING_UNIT + "}");
    Collection<UserTask> userTasks = model.getModelElementsByType(UserTask.class);
    // every step the code knows how to serve is in the default model, and nothing else
    assertThat(userTasks).extracting(UserTask::getCamundaFormKey).hasSameElementsAs(formKeys);
    for (UserTask userTask : userTasks) {
      assertThat(formKeys).as(userTask.getId()).contains(userTask.getCamundaFormKey());
      assertThat(groupExpressions)
          .as(userTask.getId())
          .contains(userTask.getCamundaCandidateGroups());
      assertThat(userTask.getCamundaCandidateUsers()).as(userTask.getId()).isNull();
      assertThat(userTask.getCamundaAssignee()).as(userTask.getId()).isNull();
    }
  }

  @Test
  void eachCoordinatingUnitGetsItsOwnCoordinateStepOfferedToItAndOnlyThere() {
    // the element variable is the candidate group, so a unit sees its own step and no other unit's
    for (UserTask userTask : model.getModelElementsByType(UserTask.class)) {
      boolean coordinate = FormKeys.COORDINATE.equals(userTask.getCamundaFormKey());
      boolean byCoordinatingUnit =
          ("${" + Vars.COORDINATING_UNIT + "}").equals(userTask.getCamundaCandidateGroups());
      assertThat(byCoordinatingUnit).as(userTask.getId()).isEqualTo(coordinate);
      if (coordinate) {
        MultiInstanceLoopCharacteristics loop =
            (MultiInstanceLoopCharacteristics) userTask.getLoopCharacteristics();
        assertThat(loop).as("multi-instance %s", userTask.getId()).isNotNull();
        // parallel: the collection is given at the start only, and all units work side by side
        assertThat(loop.isSequential()).isFalse();
        assertThat(loop.getCamundaCollection()).isEqualTo("${" + Vars.COORDINATING_UNITS + "}");
        assertThat(loop.getCamundaElementVariable()).isEqualTo(Vars.COORDINATING_UNIT);
      } else {
        assertThat(userTask.getLoopCharacteristics()).as(userTask.getId()).isNull();
      }
    }
  }

  @Test
  void messagesAreTheContractsAndEachIsCaughtWhereItsStepFollows() {
    Set<String> messages = constants(Messages.class);
    Collection<Message> declared = model.getModelElementsByType(Message.class);
    assertThat(declared).extracting(Message::getName).hasSameElementsAs(messages);
    for (MessageEventDefinition definition :
        model.getModelElementsByType(MessageEventDefinition.class)) {
      assertThat(messages).contains(definition.getMessage().getName());
      // no message starts an instance: one instance per task, started by the assignment
      assertThat(definition.getParentElement()).isNotInstanceOf(StartEvent.class);
    }
  }

  @Test
  void everyDecisionGatewayHasAConditionOnEachWayOutAndNoDefault() {
    // so an unexpected value fails the completing command instead of taking some way silently
    for (ExclusiveGateway gateway : model.getModelElementsByType(ExclusiveGateway.class)) {
      if (gateway.getOutgoing().size() < 2) {
        continue; // a join
      }
      assertThat(gateway.getDefault()).as(gateway.getId()).isNull();
      for (SequenceFlow flow : gateway.getOutgoing()) {
        assertThat(flow.getConditionExpression()).as(flow.getId()).isNotNull();
      }
    }
  }

  @Test
  void theDeadlineTimersAreNonInterruptingOnTheScopeOfTheDeadlineInForce() {
    // urging and marking overdue never cancel the work in hand; the scope is entered again on a
    // grant
    List<BoundaryEvent> deadlineTimers =
        boundaryTimers().stream().filter(b -> b.getAttachedTo() instanceof SubProcess).toList();
    assertThat(deadlineTimers)
        .extracting(b -> timeDate(b))
        .containsExactlyInAnyOrder("${" + Vars.URGE_AT + "}", "${" + Vars.DEADLINE + "}");
    for (BoundaryEvent timer : deadlineTimers) {
      assertThat(timer.cancelActivity()).as(timer.getId()).isFalse();
    }
  }

  @Test
  void onlyAPeriodsEndInterruptsAndOnlyAReportStepNobodyHasAnsweredYet() {
    // a missed period closes the unit's first report step of the period; reviews and resubmissions
    // are
    // never cut off by a timer
    List<BoundaryEvent> interrupting =
        boundaryTimers().stream().filter(BoundaryEvent::cancelActivity).toList();
    assertThat(interrupting).hasSize(1);
    BoundaryEvent periodEnd = interrupting.get(0);
    assertThat(timeDate(periodEnd)).isEqualTo("${" + Vars.PERIOD_END + "}");
    assertThat(periodEnd.getAttachedTo()).isInstanceOf(UserTask.class);
    assertThat(((UserTask) periodEnd.getAttachedTo()).getCamundaFormKey())
        .isEqualTo(FormKeys.REPORT);
    // and every way out of a missed period records it through the allowlisted bean
    FlowNode next = periodEnd.getOutgoing().iterator().next().getTarget();
    assertThat(next).isInstanceOf(ServiceTask.class);
    assertThat(((ServiceTask) next).getCamundaDelegateExpression())
        .isEqualTo("${" + Beans.MARK_PERIOD_MISSED + "}");
  }

  @Test
  void everyTimerWaitsForADateTheCodeOrABeanSets() {
    // dates, not durations or cycles: a moved deadline or a period's end is a value, never
    // recomputed
    Collection<TimerEventDefinition> timers =
        model.getModelElementsByType(TimerEventDefinition.class);
    assertThat(timers).isNotEmpty();
    Set<String> dates = Set.of(Vars.URGE_AT, Vars.DEADLINE, Vars.PERIOD_END);
    for (TimerEventDefinition timer : timers) {
      assertThat(timer.getTimeDuration()).isNull();
      assertThat(timer.getTimeCycle()).isNull();
      String expression = timer.getTimeDate().getTextContent().strip();
      assertThat(dates).as(expression).contains(expression.substring(2, expression.length() - 1));
    }
  }

  @Test
  void everyWayThatEndsTheTaskEndsTheWholeInstance() {
    // the coordination steps and the deadline watch run beside the reporting: a done task must not
    // leave them open
    for (EndEvent end : model.getModelElementsByType(EndEvent.class)) {
      boolean terminates =
          !end.getEventDefinitions().isEmpty()
              && end.getEventDefinitions().iterator().next() instanceof TerminateEventDefinition;
      boolean processLevel = end.getParentElement() instanceof Process;
      boolean endsTheTask = processLevel && !"contributionsIn".equals(end.getId());
      if (endsTheTask) {
        assertThat(terminates).as(end.getId()).isTrue();
      }
    }
  }

  private List<BoundaryEvent> boundaryTimers() {
    return model.getModelElementsByType(BoundaryEvent.class).stream()
        .filter(
            b -> b.getEventDefinitions().stream().anyMatch(d -> d instanceof TimerEventDefinition))
        .toList();
  }

  private static String timeDate(BoundaryEvent boundary) {
    TimerEventDefinition timer =
        (TimerEventDefinition) boundary.getEventDefinitions().iterator().next();
    return timer.getTimeDate().getTextContent().strip();
  }

  @Test
  void everyElementIsDrawnAndNoTwoShapesOverlap() {
    // opens in Camunda Modeler as laid out: a shape per flow node, an edge per flow, no shape on
    // another
    BpmnDrawing.assertDrawnWithoutOverlaps(model);
  }

  // --- helpers
  // --------------------------------------------------------------------------------------

  private static BpmnModelInstance readModel() {
    try (InputStream in = resource()) {
      return Bpmn.readModelFromStream(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static InputStream resource() {
    InputStream in = TaskCycleModelTest.class.getClassLoader().getResourceAsStream(RESOURCE);
    assertThat(in).as("class-path resource %s", RESOURCE).isNotNull();
    return in;
  }

  /** Values of camunda:{localName} attributes anywhere in the file, as "element: value". */
  private static List<String> camundaAttributes(String localName) {
    List<String> found = new ArrayList<>();
    elements(rawDocument())
        .forEach(
            element -> {
              if (element.hasAttributeNS(CAMUNDA_NS, localName)) {
                found.add(
                    element.getLocalName() + ": " + element.getAttributeNS(CAMUNDA_NS, localName));
              }
            });
    return found;
  }

  /**
   * The body of every ${...} or #{...} in any attribute or text of the file, documentation
   * excepted.
   */
  private static List<String> expressions() {
    List<String> found = new ArrayList<>();
    elements(rawDocument())
        .forEach(
            element -> {
              if ("documentation".equals(element.getLocalName())) {
                return; // prose, never evaluated
              }
              NamedNodeMap attributes = element.getAttributes();
              for (int i = 0; i < attributes.getLength(); i++) {
                collectExpressions(((Attr) attributes.item(i)).getValue(), found);
              }
              for (Node child = element.getFirstChild();
                  child != null;
                  child = child.getNextSibling()) {
                if (child.getNodeType() == Node.TEXT_NODE
                    || child.getNodeType() == Node.CDATA_SECTION_NODE) {
                  collectExpressions(child.getNodeValue(), found);
                }
              }
            });
    return found;
  }

  private static void collectExpressions(String text, List<String> found) {
    Matcher matcher = EXPRESSION.matcher(text);
    while (matcher.find()) {
      found.add(matcher.group(1));
    }
  }

  private static Element rawDocument() {
    try (InputStream in = resource()) {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      return factory.newDocumentBuilder().parse(in).getDocumentElement();
    } catch (Exception e) {
      throw new IllegalStateException("cannot parse " + RESOURCE, e);
    }
  }

  private static Stream<Element> elements(Element root) {
    List<Element> all = new ArrayList<>();
    collect(root, all);
    return all.stream();
  }

  private static void collect(Element element, List<Element> into) {
    into.add(element);
    for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element childElement) {
        collect(childElement, into);
      }
    }
  }

  /** The values of a contract class's public String constants. */
  private static Set<String> constants(Class<?> contractClass) {
    Set<String> values = new HashSet<>();
    for (Field field : contractClass.getDeclaredFields()) {
      int modifiers = field.getModifiers();
      if (Modifier.isPublic(modifiers)
          && Modifier.isStatic(modifiers)
          && field.getType() == String.class) {
        try {
          values.add((String) field.get(null));
        } catch (IllegalAccessException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    return values;
  }
}
