package vn.steerflow.workflow.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.ResourceReport;
import org.camunda.bpm.engine.impl.bpmn.parser.ResourceReportImpl;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.impl.util.xml.Parse;
import org.camunda.bpm.engine.impl.xml.ProblemImpl;
import org.xml.sax.SAXParseException;

/**
 * Runs before the engine's own deployers on every new deployment, whatever sent it (steerflow's
 * API, Camunda's REST API, the start-up): refuses a resource over the size limit before reading it,
 * a decision or case model (steerflow runs BPMN only), and a BPMN model that breaks {@link
 * ModelRules}. A refusal is a {@link ModelRejection} (or, for a file that is not readable XML,
 * {@link UnreadableModel}), and the deployment command rolls back: no deployment is left behind.
 *
 * <p>Deployments the engine loads again from the database (after a restart, or when its cache let a
 * definition go) are not checked: they were checked when deployed, and a rule added later must not
 * stop the instances already running on them.
 */
final class ModelGuard implements Deployer {

  private static final List<String> BPMN_SUFFIXES = List.of(".bpmn", ".bpmn20.xml");
  private static final List<String> OTHER_MODEL_SUFFIXES =
      List.of(".dmn", ".dmn11.xml", ".cmmn", ".cmmn10.xml", ".cmmn11.xml");

  private final long maxBytes;
  private final Supplier<Set<String>> beans;

  /**
   * @param maxBytes the largest resource taken, in bytes
   * @param beans the names the engine's expressions resolve (its setBeans map), read at each
   *     deployment
   */
  ModelGuard(long maxBytes, Supplier<Set<String>> beans) {
    this.maxBytes = maxBytes;
    this.beans = beans;
  }

  @Override
  public void deploy(DeploymentEntity deployment) {
    if (!deployment.isNew()) {
      return;
    }
    Map<String, ResourceEntity> resources = new TreeMap<>(deployment.getResources());
    List<ResourceReport> rejected = new ArrayList<>();
    ModelRules rules = null;
    for (ResourceEntity resource : resources.values()) {
      String name = resource.getName();
      byte[] bytes = resource.getBytes() == null ? new byte[0] : resource.getBytes();
      List<Problem> problems = new ArrayList<>();
      if (bytes.length > maxBytes) {
        problems.add(
            new ProblemImpl(
                name
                    + " is "
                    + bytes.length
                    + " bytes; a model may be at most "
                    + maxBytes
                    + " bytes (steerflow.models.max-bytes)",
                (Element) null));
      } else if (endsWith(name, OTHER_MODEL_SUFFIXES)) {
        problems.add(
            new ProblemImpl(
                name + ": steerflow runs BPMN models only, no decision or case models",
                (Element) null));
      } else if (endsWith(name, BPMN_SUFFIXES)) {
        if (rules == null) {
          rules = new ModelRules(beans.get());
        }
        problems.addAll(check(name, bytes, rules));
      }
      if (!problems.isEmpty()) {
        rejected.add(new ResourceReportImpl(name, problems, List.of()));
      }
    }
    if (!rejected.isEmpty()) {
      throw new ModelRejection(message(rejected), rejected);
    }
  }

  private static List<Problem> check(String name, byte[] bytes, ModelRules rules) {
    Parse parse;
    try {
      parse = new ModelXmlParser().parse(name, bytes);
    } catch (ProcessEngineException e) {
      // not well-formed, or a DOCTYPE (refused: no external entities, no DTD): the engine's own
      // refusal of unreadable XML, with where the parser stopped
      Problem where = new ProblemImpl(e.getMessage(), (Element) null);
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (t instanceof SAXParseException sax) {
          where = new ProblemImpl(sax);
          break;
        }
      }
      throw new UnreadableModel(e, name, where);
    }
    if (!parse.getProblems().isEmpty()) {
      return parse.getProblems();
    }
    return rules.check(parse.getRootElement());
  }

  private static boolean endsWith(String name, List<String> suffixes) {
    String lower = name.toLowerCase(Locale.ROOT);
    return suffixes.stream().anyMatch(lower::endsWith);
  }

  /**
   * In the words and layout of the engine's own parse errors ({@code ENGINE-09005 Could not parse
   * BPMN process. Errors: ...}), which Camunda Modeler shows as they are.
   */
  private static String message(List<ResourceReport> reports) {
    StringBuilder message =
        new StringBuilder("ENGINE-09005 Could not parse BPMN process. Errors: ");
    for (ResourceReport report : reports) {
      for (Problem problem : report.getErrors()) {
        message
            .append("\n* ")
            .append(problem.getMessage())
            .append(" | resource ")
            .append(report.getResourceName());
        if (problem.getLine() > 0) {
          message
              .append(" | line ")
              .append(problem.getLine())
              .append(" | column ")
              .append(problem.getColumn());
        }
      }
    }
    return message.toString();
  }
}
