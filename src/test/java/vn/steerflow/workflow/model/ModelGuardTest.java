package vn.steerflow.workflow.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.ResourceReport;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.Variables.SerializationDataFormats;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.steerflow.workflow.derby.DerbyTestEngines;

/**
 * Every way a model can break the rules, deployed to a Derby engine configured as the server's:
 * each is refused by the engine itself (so no path that deploys through the engine can skip the
 * check), with a problem that names the element at fault and says where it is, and leaves no
 * deployment behind. And the engine settings that back the rules up.
 */
class ModelGuardTest {

  private static Path folder;
  private static ProcessEngine engine;

  @BeforeAll
  static void start() {
    folder = DerbyTestEngines.newDatabaseFolder("model-guard");
    engine = GuardedEngines.configuration("model-guard", folder).buildProcessEngine();
  }

  @AfterAll
  static void stop() {
    if (engine != null) {
      engine.close();
    }
  }

  // --- the models steerflow ships pass

  @ParameterizedTest
  @CsvSource({"task-cycle.bpmn", "task-cycle-two-level-review.bpmn"})
  void theShippedModelsKeepEveryRule(String file) throws IOException {
    try (InputStream in = getClass().getClassLoader().getResourceAsStream("bpmn/" + file)) {
      String id = deploy(file, in.readAllBytes());
      assertThat(
              engine.getRepositoryService().createProcessDefinitionQuery().deploymentId(id).count())
          .isEqualTo(1);
    }
  }

  // --- processes

  @Test
  void aFileWithNoExecutableProcessIsRefusedNamingTheProcess() {
    String model =
        TestModels.model("notRun", false, "30", TestModels.step("<bpmn:manualTask id=\"step\" />"));

    Problem problem = onlyProblem("notRun.bpmn", model);

    assertThat(problem.getMainElementId()).isEqualTo("notRun");
    assertThat(problem.getMessage())
        .contains("process 'notRun' is not executable")
        .contains("isExecutable=\"true\"");
    assertThat(problem.getLine()).isPositive();
  }

  @Test
  void aProcessWithoutHistoryTimeToLiveIsRefused() {
    String model =
        TestModels.model("noTtl", true, null, TestModels.step("<bpmn:manualTask id=\"step\" />"));

    List<Problem> problems = problems("noTtl.bpmn", model);

    assertThat(problems)
        .anySatisfy(
            p -> {
              assertThat(p.getMainElementId()).isEqualTo("noTtl");
              assertThat(p.getMessage())
                  .contains("process 'noTtl' has no camunda:historyTimeToLive");
            });
  }

  // --- user tasks

  @Test
  void aUserTaskWithAFormKeyTheCodeDoesNotKnowIsRefused() {
    Problem problem =
        onlyStepProblem(
            "approve",
            "<bpmn:userTask id=\"step\" camunda:formKey=\"steerflow:approve\""
                + " camunda:candidateGroups=\"${supervisorGroup}\" />");

    assertThat(problem.getMainElementId()).isEqualTo("step");
    assertThat(problem.getMessage())
        .contains("userTask 'step'")
        .contains("steerflow:approve")
        .contains("steerflow:review");
    assertThat(problem.getLine()).isPositive();
    assertThat(problem.getColumn()).isPositive();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "camunda:candidateGroups=\"supervisors:BCD-LC\"|is offered to supervisors:BCD-LC",
        "camunda:candidateGroups=\"${supervisorGroup}, ${someGroup}\"|is offered to ${someGroup}",
        "|is offered to nobody",
      })
  void aUserTaskIsOfferedOnlyToContractGroupVariables(String groups, String expected) {
    List<Problem> problems =
        stepProblems(
            "groups",
            "<bpmn:userTask id=\"step\" camunda:formKey=\"steerflow:review\" "
                + (groups == null ? "" : groups)
                + " />");

    assertThat(problems)
        .anySatisfy(
            p -> {
              assertThat(p.getMainElementId()).isEqualTo("step");
              assertThat(p.getMessage()).contains("userTask 'step' " + expected);
            });
  }

  @ParameterizedTest
  @CsvSource({"assignee", "candidateUsers"})
  void aUserTaskNamesNoUser(String attribute) {
    List<Problem> problems =
        stepProblems(
            "users",
            "<bpmn:userTask id=\"step\" camunda:formKey=\"steerflow:review\""
                + " camunda:candidateGroups=\"${supervisorGroup}\" camunda:"
                + attribute
                + "=\"giamsat\" />");

    assertThat(problems).hasSize(1);
    assertThat(problems.get(0).getMainElementId()).isEqualTo("step");
    assertThat(problems.get(0).getMessage())
        .contains("userTask 'step' has camunda:" + attribute)
        .contains("never to named users");
  }

  // --- calls

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "camunda:delegateExpression=\"${anyBean}\"|calls \"${anyBean}\", which is no allowlisted bean",
        "camunda:delegateExpression=\"${anyBean.anything()}\"|which is no allowlisted bean",
        "camunda:expression=\"${anyBean.anything()}\"|has camunda:expression",
        "camunda:class=\"java.lang.Runtime\"|has camunda:class",
        "camunda:type=\"external\" camunda:topic=\"anything\"|has camunda:type",
      })
  void aServiceTaskCallsAnAllowlistedBeanAndNothingElse(String call, String expected) {
    List<Problem> problems = stepProblems("call", "<bpmn:serviceTask id=\"step\" " + call + " />");

    assertThat(problems)
        .anySatisfy(
            p -> {
              assertThat(p.getMainElementId()).isEqualTo("step");
              assertThat(p.getMessage()).contains("serviceTask 'step'").contains(expected);
            });
  }

  @Test
  void aServiceTaskCallingAnAllowlistedBeanIsTaken() throws IOException {
    String id =
        deploy(
            "allowed.bpmn",
            TestModels.model(
                    "allowed",
                    true,
                    "30",
                    TestModels.step(
                        "<bpmn:serviceTask id=\"step\" camunda:delegateExpression=\"${urgeUnit}\">"
                            + "<bpmn:extensionElements><camunda:executionListener event=\"end\""
                            + " delegateExpression=\"${markOverdue}\" /></bpmn:extensionElements>"
                            + "</bpmn:serviceTask>"))
                .getBytes(StandardCharsets.UTF_8));
    assertThat(id).isNotNull();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "<camunda:executionListener event=\"start\" class=\"java.lang.Runtime\" />|has attribute class",
        "<camunda:executionListener event=\"start\" expression=\"${execution.getProcessEngine()}\" />|has attribute expression",
        "<camunda:executionListener event=\"start\" delegateExpression=\"${anyBean}\" />|which is no allowlisted bean",
        "<camunda:executionListener event=\"start\"><camunda:script scriptFormat=\"groovy\">1</camunda:script></camunda:executionListener>|camunda:script in 'step' is not allowed",
        "<camunda:taskListener event=\"create\" class=\"java.lang.Runtime\" />|has attribute class",
        "<camunda:connector><camunda:connectorId>http-connector</camunda:connectorId></camunda:connector>|camunda:connector in 'step' is not allowed",
        "<camunda:field name=\"events\" stringValue=\"x\" />|field injection",
        "<camunda:inputOutput><camunda:inputParameter name=\"x\"><camunda:script scriptFormat=\"javascript\" resource=\"deployment://x.js\" /></camunda:inputParameter></camunda:inputOutput>|camunda:script in 'step' is not allowed",
      })
  void listenersAndExtensionsRunNoCodeOfTheModelsOwn(String extension, String expected) {
    List<Problem> problems =
        stepProblems(
            "extension",
            "<bpmn:userTask id=\"step\" camunda:formKey=\"steerflow:report\""
                + " camunda:candidateGroups=\"${leadUnit}\"><bpmn:extensionElements>"
                + extension
                + "</bpmn:extensionElements></bpmn:userTask>");

    assertThat(problems)
        .anySatisfy(
            p -> {
              // a listener has no id of its own: the problem names the step it belongs to
              assertThat(p.getMainElementId()).isEqualTo("step");
              assertThat(p.getMessage()).contains(expected);
              assertThat(p.getLine()).isPositive();
            });
  }

  // --- scripts

  @Test
  void aScriptTaskIsRefused() {
    List<Problem> problems =
        stepProblems(
            "script",
            "<bpmn:scriptTask id=\"step\" scriptFormat=\"javascript\">"
                + "<bpmn:script>java.lang.Runtime.getRuntime()</bpmn:script></bpmn:scriptTask>");

    assertThat(problems)
        .anySatisfy(
            p -> {
              assertThat(p.getMainElementId()).isEqualTo("step");
              assertThat(p.getMessage()).contains("scriptTask 'step': scripts do not run");
            });
  }

  @Test
  void aScriptConditionIsRefused() {
    String model =
        TestModels.model(
            "scriptCondition",
            true,
            "30",
            "<bpmn:startEvent id=\"start\" />"
                + "<bpmn:sequenceFlow id=\"toEnd\" sourceRef=\"start\" targetRef=\"end\">"
                + "<bpmn:conditionExpression xsi:type=\"bpmn:tFormalExpression\""
                + " language=\"groovy\">true</bpmn:conditionExpression></bpmn:sequenceFlow>"
                + "<bpmn:endEvent id=\"end\" />");

    Problem problem = onlyProblem("scriptCondition.bpmn", model);

    assertThat(problem.getMainElementId()).isEqualTo("toEnd");
    assertThat(problem.getMessage())
        .contains("conditionExpression in 'toEnd' has language=\"groovy\"");
  }

  // --- expressions

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "${execution.getProcessEngine()}|reads a property with '.'",
        "${''.getClass().forName('java.lang.Runtime')}|reads a property with '.'",
        "${currentUserGroups()}|calls currentUserGroups(...)",
        "${anyBean}|names 'anyBean', which is no variable of the contract",
        "${decision == '}'.concat('x')}|reads a property with '.'",
        "#{execution}|names 'execution'",
        "${decision == 'APPROVE'|is not closed",
      })
  void anExpressionNamesContractVariablesAndLiteralsOnly(String expression, String expected) {
    String model =
        TestModels.model(
            "expression",
            true,
            "30",
            "<bpmn:startEvent id=\"start\" />"
                + "<bpmn:sequenceFlow id=\"toEnd\" sourceRef=\"start\" targetRef=\"end\">"
                + "<bpmn:conditionExpression xsi:type=\"bpmn:tFormalExpression\">"
                + expression.replace("'", "&apos;").replace("<", "&lt;")
                + "</bpmn:conditionExpression></bpmn:sequenceFlow>"
                + "<bpmn:endEvent id=\"end\" />");

    List<Problem> problems = problems("expression.bpmn", model);

    assertThat(problems)
        .anySatisfy(
            p -> {
              assertThat(p.getMainElementId()).isEqualTo("toEnd");
              assertThat(p.getMessage())
                  .contains("expression in the text of conditionExpression in 'toEnd'")
                  .contains(expected);
            });
  }

  @Test
  void anExpressionInAnyAttributeIsCheckedToo() {
    List<Problem> problems =
        stepProblems(
            "attribute",
            "<bpmn:userTask id=\"step\" name=\"${execution.processEngine}\""
                + " camunda:formKey=\"steerflow:report\" camunda:candidateGroups=\"${leadUnit}\" />");

    assertThat(problems)
        .isNotEmpty()
        .allSatisfy(
            p -> {
              assertThat(p.getMainElementId()).isEqualTo("step");
              assertThat(p.getMessage()).contains("attribute name of userTask 'step'");
            })
        .anySatisfy(p -> assertThat(p.getMessage()).contains("reads a property"));
  }

  @Test
  void conditionsOnContractVariablesAndValuesAreTaken() {
    String model =
        TestModels.model(
            "conditions",
            true,
            "30",
            "<bpmn:startEvent id=\"start\" />"
                + "<bpmn:sequenceFlow id=\"toEnd\" sourceRef=\"start\" targetRef=\"end\">"
                + "<bpmn:conditionExpression xsi:type=\"bpmn:tFormalExpression\">"
                + "${(decision == &apos;APPROVE&apos; &amp;&amp; urgeCount &gt;= 2.5) or not"
                + " empty overdue ? lastPeriod : reportStatus != &quot;DONE&quot;}"
                + "</bpmn:conditionExpression></bpmn:sequenceFlow>"
                + "<bpmn:endEvent id=\"end\" />");

    assertThat(deploy("conditions.bpmn", model.getBytes(StandardCharsets.UTF_8))).isNotNull();
  }

  // --- elements that leave the one instance or run other models

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "<bpmn:callActivity id=\"step\" calledElement=\"task-cycle\" />|call activities are not supported",
        "<bpmn:businessRuleTask id=\"step\" camunda:decisionRef=\"anything\" />|decision tables (DMN) do not run",
      })
  void elementsOutsideTheContractAreRefused(String element, String expected) {
    List<Problem> problems = stepProblems("outside", element);

    assertThat(problems)
        .anySatisfy(
            p -> {
              assertThat(p.getMainElementId()).isEqualTo("step");
              assertThat(p.getMessage()).contains("'step'").contains(expected);
            });
  }

  @Test
  void aDecisionModelIsRefused() {
    long before = deployments();
    ParseException e =
        catchThrowableOfType(
            ParseException.class,
            () ->
                engine
                    .getRepositoryService()
                    .createDeployment()
                    .addString("rules.dmn", "<definitions/>")
                    .deploy());
    assertThat(e.getResorceReports().get(0).getErrors().get(0).getMessage())
        .contains("rules.dmn: steerflow runs BPMN models only");
    assertThat(deployments()).isEqualTo(before);
  }

  // --- XML: external entities, schema locations, size

  @Test
  void theEngineProcessesNoXmlExternalEntities() {
    assertThat(configuration().isEnableXxeProcessing()).isFalse();
  }

  @Test
  void aModelWithAnExternalEntityIsRefusedWithoutReadingTheEntity() throws IOException {
    Path secret = Files.createTempFile(folder.getParent(), "secret", ".txt");
    Files.writeString(secret, "TOP-SECRET-CONTENT");
    String model =
        "<?xml version=\"1.0\"?>\n<!DOCTYPE definitions [<!ENTITY xxe SYSTEM \""
            + secret.toUri()
            + "\">]>\n"
            + TestModels.model(
                    "xxe",
                    true,
                    "30",
                    TestModels.step("<bpmn:manualTask id=\"step\" name=\"&xxe;\" />"))
                .substring("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n".length());

    UnreadableModel refused = unreadable("xxe.bpmn", model);

    // the engine's own refusal of unreadable XML, which Camunda's REST API answers as 400
    assertThat(refused.getMessage()).startsWith("ENGINE-09003").doesNotContain("TOP-SECRET");
    assertThat(refused.resourceName()).isEqualTo("xxe.bpmn");
    assertThat(refused.problem().getMessage()).contains("DOCTYPE").doesNotContain("TOP-SECRET");
    assertThat(refused.problem().getLine()).isEqualTo(2);
  }

  @Test
  void aModelNamingASchemaLocationIsRefusedAndNothingIsFetched() throws IOException {
    AtomicInteger requests = new AtomicInteger();
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          requests.incrementAndGet();
          exchange.sendResponseHeaders(404, -1);
          exchange.close();
        });
    server.start();
    try {
      String location =
          "http://127.0.0.1:" + server.getAddress().getPort() + "/steerflow-probe.xsd";
      String model =
          TestModels.model(
                  "located", true, "30", TestModels.step("<bpmn:manualTask id=\"step\" />"))
              .replace(
                  "id=\"definitions\"",
                  "id=\"definitions\" xsi:schemaLocation=\"https://steerflow.vn/probe "
                      + location
                      + "\"");

      Problem problem = onlyProblem("located.bpmn", model);

      assertThat(problem.getMainElementId()).isEqualTo("definitions");
      assertThat(problem.getMessage())
          .contains("names a schema location (https://steerflow.vn/probe");
      assertThat(requests).hasValue(0);
    } finally {
      server.stop(0);
    }
  }

  @Test
  void aFileOverTheSizeLimitIsRefusedBeforeItIsParsed() {
    // not XML at all: only the size is looked at
    byte[] large = new byte[(int) ModelGuardPlugin.DEFAULT_MAX_BYTES + 1];
    java.util.Arrays.fill(large, (byte) '<');

    Problem problem = onlyProblem("large.bpmn", large);

    assertThat(problem.getMessage())
        .contains("large.bpmn is " + large.length + " bytes")
        .contains("at most " + ModelGuardPlugin.DEFAULT_MAX_BYTES);
  }

  @Test
  void aFileThatIsNotWellFormedIsRefusedWithWhereItStopped() {
    UnreadableModel refused =
        unreadable("broken.bpmn", "<?xml version=\"1.0\"?>\n<definitions>\n</def>");

    assertThat(refused.getMessage()).startsWith("ENGINE-09003");
    assertThat(refused.problem().getLine()).isEqualTo(3);
    assertThat(refused.problem().getMessage()).isNotBlank();
  }

  @Test
  void everyProblemOfEveryFileIsReportedAtOnce() {
    long before = deployments();
    ParseException e =
        catchThrowableOfType(
            ParseException.class,
            () ->
                engine
                    .getRepositoryService()
                    .createDeployment()
                    .addString(
                        "one.bpmn",
                        TestModels.model(
                            "one",
                            true,
                            "30",
                            TestModels.step("<bpmn:scriptTask id=\"step\" scriptFormat=\"js\" />")))
                    .addString(
                        "two.bpmn",
                        TestModels.model(
                            "two",
                            true,
                            null,
                            TestModels.step(
                                "<bpmn:userTask id=\"step\" camunda:formKey=\"x\""
                                    + " camunda:candidateGroups=\"${leadUnit}\" />")))
                    .deploy());
    assertThat(e.getResorceReports())
        .extracting(ResourceReport::getResourceName)
        .containsExactly("one.bpmn", "two.bpmn");
    // worded as the engine's own parse errors, which Camunda Modeler shows
    assertThat(e.getMessage())
        .startsWith("ENGINE-09005 Could not parse BPMN process. Errors: \n* ")
        .contains("| resource two.bpmn | line ");
    assertThat(e.getResorceReports().get(1).getErrors()).hasSize(2);
    assertThat(deployments()).isEqualTo(before);
  }

  // --- the engine's own settings back the rules up

  @Test
  void noScriptEngineResolvesNotEvenJuel() {
    ProcessEngineConfigurationImpl configuration = configuration();
    assertThatThrownBy(
            () ->
                configuration
                    .getCommandExecutorTxRequired()
                    .execute(
                        context ->
                            configuration.getScriptingEngines().getScriptEngineForLanguage("juel")))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("juel");
    assertThat(configuration.isEnableScriptEngineCaching()).isFalse();
  }

  @Test
  void aModelDeployedBeforeTheRulesStillLoadsButItsScriptFindsNoEngine() {
    // an engine without the guard (as before this version) deploys a model with a script task
    var unguarded =
        DerbyTestEngines.configuration("model-guard-before", folder).buildProcessEngine();
    try {
      unguarded
          .getRepositoryService()
          .createDeployment()
          .addString(
              "legacy.bpmn",
              TestModels.model(
                  "legacy",
                  true,
                  "30",
                  TestModels.step(
                      "<bpmn:scriptTask id=\"step\" scriptFormat=\"juel\">"
                          + "<bpmn:script>${1 + 1}</bpmn:script></bpmn:scriptTask>")))
          .deploy();
    } finally {
      unguarded.close();
    }
    // the guarded engine loads it from the database (no check on a deployment made before) ...
    assertThat(
            engine
                .getRepositoryService()
                .createProcessDefinitionQuery()
                .processDefinitionKey("legacy")
                .count())
        .isEqualTo(1);
    // ... but its script has no engine to run on, and the start rolls back
    assertThatThrownBy(() -> engine.getRuntimeService().startProcessInstanceByKey("legacy"))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("juel");
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().count()).isZero();
  }

  @Test
  void queriesTakeNoExpressionsAndAreLimitedForAuthenticatedUsers() {
    assertThatThrownBy(
            () ->
                engine
                    .getTaskService()
                    .createTaskQuery()
                    .taskCandidateGroupExpression("${currentUserGroups()}")
                    .list())
        .isInstanceOf(BadUserRequestException.class)
        .hasMessageContaining("Expressions are forbidden in adhoc queries");
    assertThat(configuration().isEnableExpressionsInStoredQueries()).isFalse();
    assertThat(configuration().getQueryMaxResultsLimit())
        .isEqualTo(ModelGuardPlugin.QUERY_MAX_RESULTS);
  }

  @Test
  void javaSerializedVariablesAreRefused() {
    deploy(
        "serialized.bpmn",
        TestModels.model(
                "serialized",
                true,
                "30",
                TestModels.step(
                    "<bpmn:userTask id=\"step\" camunda:formKey=\"steerflow:report\""
                        + " camunda:candidateGroups=\"${leadUnit}\" />"))
            .getBytes(StandardCharsets.UTF_8));
    assertThat(configuration().isJavaSerializationFormatEnabled()).isFalse();
    assertThatThrownBy(
            () ->
                engine
                    .getRuntimeService()
                    .startProcessInstanceByKey(
                        "serialized",
                        Variables.createVariables()
                            .putValue("leadUnit", "unit:STP")
                            .putValueTyped(
                                "payload",
                                // bytes a client sends as a Java-serialized object (an empty
                                // ArrayList): deserializing them would run any class's code
                                Variables.serializedObjectValue(
                                        "rO0ABXNyABNqYXZhLnV0aWwuQXJyYXlMaXN0eIHSHZnHYZ0DAAFJAARzaXpleHAAAAAAdwQAAAAAeA==")
                                    .serializationDataFormat(SerializationDataFormats.JAVA)
                                    .objectTypeName("java.util.ArrayList")
                                    .create())))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("Java serialization");
    assertThat(
            engine
                .getRuntimeService()
                .createProcessInstanceQuery()
                .processDefinitionKey("serialized")
                .count())
        .isZero();
  }

  // --- helpers

  private static ProcessEngineConfigurationImpl configuration() {
    return (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
  }

  private static long deployments() {
    return engine.getRepositoryService().createDeploymentQuery().count();
  }

  private static String deploy(String file, byte[] model) {
    return engine
        .getRepositoryService()
        .createDeployment()
        .addInputStream(file, new ByteArrayInputStream(model))
        .deploy()
        .getId();
  }

  /** The problems of a one-step process {@code key} whose step is {@code step}. */
  private static List<Problem> stepProblems(String key, String step) {
    return problems(key + ".bpmn", TestModels.model(key, true, "30", TestModels.step(step)));
  }

  private static List<Problem> problems(String file, String model) {
    return problems(file, model.getBytes(StandardCharsets.UTF_8));
  }

  /** Deploys, expects the refusal, and checks that nothing was deployed. */
  private static List<Problem> problems(String file, byte[] model) {
    long before = deployments();
    ParseException e =
        catchThrowableOfType(
            ParseException.class,
            () ->
                engine
                    .getRepositoryService()
                    .createDeployment()
                    .addInputStream(file, new ByteArrayInputStream(model))
                    .deploy());
    assertThat(e).as("deploying %s must fail", file).isNotNull();
    assertThat(deployments()).as("deployments after the refusal").isEqualTo(before);
    assertThat(e.getResorceReports()).hasSize(1);
    assertThat(e.getResorceReports().get(0).getResourceName()).isEqualTo(file);
    return e.getResorceReports().get(0).getErrors();
  }

  /** Deploys, expects the refusal of unreadable XML, and checks that nothing was deployed. */
  private static UnreadableModel unreadable(String file, String model) {
    long before = deployments();
    UnreadableModel e =
        catchThrowableOfType(
            UnreadableModel.class,
            () -> engine.getRepositoryService().createDeployment().addString(file, model).deploy());
    assertThat(e).as("deploying %s must fail", file).isNotNull();
    assertThat(deployments()).as("deployments after the refusal").isEqualTo(before);
    return e;
  }

  private static Problem onlyStepProblem(String key, String step) {
    List<Problem> problems = stepProblems(key, step);
    assertThat(problems).hasSize(1);
    return problems.get(0);
  }

  private static Problem onlyProblem(String file, String model) {
    return onlyProblem(file, model.getBytes(StandardCharsets.UTF_8));
  }

  private static Problem onlyProblem(String file, byte[] model) {
    List<Problem> problems = problems(file, model);
    assertThat(problems).hasSize(1);
    return problems.get(0);
  }

  /** Test models, written out as an admin's modeler would. */
  static final class TestModels {

    private TestModels() {}

    static String model(String key, boolean executable, String ttl, String body) {
      return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
          + "<bpmn:definitions xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\"\n"
          + "    xmlns:camunda=\"http://camunda.org/schema/1.0/bpmn\"\n"
          + "    xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
          + "    id=\"definitions\" targetNamespace=\"https://steerflow.vn/test\">\n"
          + "  <bpmn:process id=\""
          + key
          + "\" isExecutable=\""
          + executable
          + "\""
          + (ttl == null ? "" : " camunda:historyTimeToLive=\"" + ttl + "\"")
          + ">\n"
          + body
          + "\n  </bpmn:process>\n</bpmn:definitions>\n";
    }

    /** start, the step (id "step"), end. */
    static String step(String step) {
      return "    <bpmn:startEvent id=\"start\" />\n"
          + "    <bpmn:sequenceFlow id=\"toStep\" sourceRef=\"start\" targetRef=\"step\" />\n    "
          + step
          + "\n    <bpmn:sequenceFlow id=\"toEnd\" sourceRef=\"step\" targetRef=\"end\" />\n"
          + "    <bpmn:endEvent id=\"end\" />";
    }
  }
}
