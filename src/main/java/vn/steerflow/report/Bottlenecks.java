package vn.steerflow.report;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import vn.steerflow.api.ApiException;
import vn.steerflow.api.FieldError;
import vn.steerflow.api.RequestValidation;
import vn.steerflow.committee.Directory;
import vn.steerflow.committee.Unit;
import vn.steerflow.committee.UnitMerged;
import vn.steerflow.plan.Tasks;
import vn.steerflow.plan.TimelineActions;
import vn.steerflow.security.Caller;
import vn.steerflow.security.audit.AuditAction;
import vn.steerflow.security.audit.AuditObject;
import vn.steerflow.security.audit.AuditTrail;
import vn.steerflow.security.audit.AuditValues;

/**
 * Bottlenecks: raised from a report in the report's own transaction, given a resolver by a
 * supervisor, taken in hand and resolved by the resolver. Every change is written to the task's
 * timeline in the same transaction.
 *
 * <p>Who may see one: the supervisors and leaders of its committee (and a leader's substitute while
 * acting), the officers of the unit that raised it and of the unit that must resolve it; anyone
 * else gets 404. Who may move it: the committee's leaders (or their substitutes, the timeline
 * naming the leader acted for) and supervisors always (they hold the committee's authority; a
 * supervisor records what a meeting decided), and the officers of the resolver unit.
 *
 * <p>A task's end leaves its bottlenecks as they are: a difficulty (budget, data, a rule) is seldom
 * the task's alone, and is answered on its own. A merged resolver unit's unresolved bottlenecks
 * pass to its successor, like the rest of its open work.
 *
 * <p>Order of checks, as in the report cycle: visible (else 404), may act (else 403), the request
 * makes sense (else 400), the version is the one the client read and the move is allowed now (else
 * 409).
 */
@ApplicationScoped
@Transactional
public class Bottlenecks {

  /** Fields the requests and 400s name. */
  static final String STATE = "state", ANSWER = "answer", RESOLVER = "resolver";

  /** How much of a summary or answer the task's timeline repeats. */
  private static final int TIMELINE_EXCERPT = 300;

  @PersistenceContext private EntityManager em;

  @Inject private Directory directory;

  @Inject private Tasks tasks;

  @Inject private RequestValidation validation;

  @Inject private AuditTrail audit;

  /** A bottleneck a report is about to raise, its resolver unit found (null: the leaders). */
  record Raising(String summary, Unit resolverUnit) {}

  /**
   * What the report will raise: its list, or else one bottleneck from its free-text difficulties.
   * Checked before anything is written, so an unknown resolver unit refuses the whole report.
   */
  List<Raising> toRaise(ReportRequest request) {
    if (request.bottlenecks() == null) {
      String difficulties = request.difficulties();
      return difficulties == null || difficulties.isBlank()
          ? List.of()
          : List.of(new Raising(difficulties.strip(), null));
    }
    List<Raising> raising = new ArrayList<>();
    List<FieldError> errors = new ArrayList<>();
    for (int i = 0; i < request.bottlenecks().size(); i++) {
      RaisedBottleneck item = request.bottlenecks().get(i);
      String field = "bottlenecks[" + i + "].resolverUnit";
      Optional<Unit> unit =
          item.resolverUnit() == null || item.resolverUnit().isBlank()
              ? Optional.empty()
              : resolverUnit(item.resolverUnit(), field, errors);
      raising.add(new Raising(item.summary().strip(), unit.orElse(null)));
    }
    if (!errors.isEmpty()) {
      throw ApiException.badRequest(
          "Fix these fields: "
              + errors.stream()
                  .map(f -> f.field() + " (" + f.message() + ")")
                  .collect(Collectors.joining(", ")),
          errors);
    }
    return raising;
  }

  /**
   * Raises the report's bottlenecks, in the report's transaction. A difficulty the same unit
   * already raised on the task and that is not yet resolved (same text, ignoring case and spacing)
   * is not raised twice: a monthly report repeating "no budget yet" keeps one bottleneck, which
   * grows old, instead of a new one each month. The repetition is noted in the timeline.
   */
  List<Bottleneck> raise(Report report, List<Raising> raising, String by) {
    List<Bottleneck> unresolved =
        em.createQuery(
                "select b from Bottleneck b where b.task = :task and b.unit = :unit"
                    + " and b.state <> :resolved order by b.id",
                Bottleneck.class)
            .setParameter("task", report.getTask())
            .setParameter("unit", report.getUnit())
            .setParameter("resolved", BottleneckState.RESOLVED)
            .getResultList();
    List<Bottleneck> raised = new ArrayList<>();
    List<Bottleneck> seen = new ArrayList<>(unresolved);
    for (Raising r : raising) {
      Optional<Bottleneck> same =
          seen.stream().filter(b -> sameText(b.getSummary(), r.summary())).findFirst();
      if (same.isPresent()) {
        if (!raised.contains(same.get())) {
          tasks.record(
              report.getTask(),
              by,
              TimelineActions.BOTTLENECK_REPEATED,
              "Bottleneck " + same.get().getId() + " raised again in report " + report.getId());
        }
        continue;
      }
      Bottleneck bottleneck = new Bottleneck(report, r.summary(), r.resolverUnit(), by, now());
      em.persist(bottleneck);
      audit.record(
          AuditAction.BOTTLENECK_RAISED,
          AuditObject.TASK,
          report.getTask().getCode(),
          null,
          AuditedFields.bottleneck(bottleneck));
      raised.add(bottleneck);
      seen.add(bottleneck);
      tasks.record(
          report.getTask(),
          by,
          TimelineActions.BOTTLENECK_RAISED,
          "Bottleneck "
              + bottleneck.getId()
              + " in report "
              + report.getId()
              + ", resolver "
              + bottleneck.resolver()
              + ": "
              + excerpt(bottleneck.getSummary()));
    }
    // written now, so that a row the database refuses fails the report here, not at commit
    em.flush();
    return raised;
  }

  public BottleneckView view(Long id, Caller caller) {
    return BottleneckView.of(visible(id, caller), now());
  }

  /** The resolver takes it in hand, or answers it. */
  public Bottleneck move(Long id, BottleneckStateChange request, Caller caller) {
    Bottleneck bottleneck = visible(id, caller);
    if (!mayMove(bottleneck, caller)) {
      throw ApiException.forbidden(
          "Only "
              + (bottleneck.getResolverUnit() == null
                  ? ""
                  : "officers of " + bottleneck.getResolverUnit().getCode() + ", ")
              + "the leaders (or their substitutes, while acting) and the supervisors of committee "
              + bottleneck.getCommittee().getCode()
              + " move bottleneck "
              + id
              + ".");
    }
    request = validation.check(request, "state change");
    BottleneckState next = request.state();
    String answer =
        request.answer() == null || request.answer().isBlank() ? null : request.answer().strip();
    if (next == BottleneckState.OPEN) {
      throw ApiException.badRequest(
          STATE, "a bottleneck moves forward only: send IN_HAND or RESOLVED, not OPEN");
    }
    if (next == BottleneckState.RESOLVED && answer == null) {
      throw ApiException.badRequest(
          ANSWER, "RESOLVED needs the answer: what was decided or done about the difficulty");
    }
    if (next == BottleneckState.IN_HAND && answer != null) {
      throw ApiException.badRequest(
          ANSWER, "an answer resolves the bottleneck: send it with state RESOLVED");
    }
    requireVersion(bottleneck, request.version());
    if (!bottleneck.getState().canMoveTo(next)) {
      throw conflict(
          STATE,
          "Bottleneck "
              + id
              + " is "
              + bottleneck.getState()
              + (bottleneck.getState() == BottleneckState.RESOLVED
                  ? ": it stays resolved; raise the difficulty again in a report if it returns"
                  : ": it moves on to RESOLVED only")
              + ".");
    }
    Instant now = now();
    String actingFor = actingFor(bottleneck, caller);
    BottleneckState was = bottleneck.getState();
    if (next == BottleneckState.IN_HAND) {
      bottleneck.takeInHand(caller.username(), now);
      tasks.record(
          bottleneck.getTask(),
          caller.username(),
          actingFor,
          TimelineActions.BOTTLENECK_IN_HAND,
          "Bottleneck " + id + ": " + excerpt(bottleneck.getSummary()));
    } else {
      bottleneck.resolve(answer, caller.username(), now);
      tasks.record(
          bottleneck.getTask(),
          caller.username(),
          actingFor,
          TimelineActions.BOTTLENECK_RESOLVED,
          "Bottleneck " + id + ": " + excerpt(bottleneck.getAnswer()));
    }
    em.flush();
    audit.recordActingFor(
        actingFor,
        AuditAction.BOTTLENECK_MOVED,
        AuditObject.TASK,
        bottleneck.getTask().getCode(),
        AuditValues.of("bottleneck", id, "state", was),
        AuditValues.of("bottleneck", id, "state", next, "answer", bottleneck.getAnswer()));
    return bottleneck;
  }

  /** A supervisor names the unit that must resolve it, or leaves it to the leaders. */
  public Bottleneck assignResolver(Long id, ResolverChange request, Caller caller) {
    Bottleneck bottleneck = visible(id, caller);
    if (!caller.supervises(bottleneck.getCommittee().getId())) {
      throw ApiException.forbidden(
          "Only supervisors of committee "
              + bottleneck.getCommittee().getCode()
              + " name who resolves its bottlenecks.");
    }
    request = validation.check(request, "resolver");
    List<FieldError> errors = new ArrayList<>();
    Unit unit = resolverUnit(request.resolver(), RESOLVER, errors).orElse(null);
    if (!errors.isEmpty()) {
      throw ApiException.badRequest(errors.get(0).message(), errors);
    }
    String previous = bottleneck.resolver();
    String next = unit == null ? Bottleneck.LEADERS : unit.getCode();
    if (previous.equals(next)) {
      throw ApiException.badRequest(RESOLVER, "the resolver is already " + previous);
    }
    requireVersion(bottleneck, request.version());
    if (bottleneck.getState() != BottleneckState.OPEN) {
      throw conflict(
          RESOLVER,
          "Bottleneck "
              + id
              + " is "
              + bottleneck.getState()
              + ": its resolver changes only while it is OPEN.");
    }
    bottleneck.assignResolver(unit);
    tasks.record(
        bottleneck.getTask(),
        caller.username(),
        TimelineActions.BOTTLENECK_RESOLVER_SET,
        "Bottleneck " + id + ": resolver " + previous + " → " + next);
    em.flush();
    audit.record(
        AuditAction.BOTTLENECK_RESOLVER_SET,
        AuditObject.TASK,
        bottleneck.getTask().getCode(),
        AuditValues.of("bottleneck", id, "resolver", previous),
        AuditValues.of("bottleneck", id, "resolver", next));
    return bottleneck;
  }

  /**
   * A merged unit's unresolved bottlenecks pass to its successor, in the merge's transaction: its
   * officers are the ones who can still answer. One already in hand stays in hand, now the
   * successor's to finish.
   */
  void passToSuccessor(@Observes UnitMerged event) {
    List<Bottleneck> unresolved =
        em.createQuery(
                "select b from Bottleneck b where b.resolverUnit = :unit and b.state <> :resolved"
                    + " order by b.id",
                Bottleneck.class)
            .setParameter("unit", event.merged())
            .setParameter("resolved", BottleneckState.RESOLVED)
            .getResultList();
    for (Bottleneck bottleneck : unresolved) {
      bottleneck.passTo(event.successor());
      audit.record(
          AuditAction.BOTTLENECK_RESOLVER_SET,
          AuditObject.TASK,
          bottleneck.getTask().getCode(),
          AuditValues.of("bottleneck", bottleneck.getId(), "resolver", event.merged().getCode()),
          AuditValues.of(
              "bottleneck",
              bottleneck.getId(),
              "resolver",
              event.successor().getCode(),
              "reason",
              event.merged().getCode() + " merged into " + event.successor().getCode()));
      tasks.record(
          bottleneck.getTask(),
          event.actor(),
          TimelineActions.BOTTLENECK_RESOLVER_SET,
          "Bottleneck "
              + bottleneck.getId()
              + ": resolver "
              + event.merged().getCode()
              + " → "
              + event.successor().getCode()
              + ": "
              + event.merged().getCode()
              + " merged into "
              + event.successor().getCode());
    }
  }

  Bottleneck visible(Long id, Caller caller) {
    Bottleneck bottleneck = em.find(Bottleneck.class, id);
    if (bottleneck == null || !canSee(bottleneck, caller)) {
      throw ApiException.notFound("No bottleneck " + id + " that you can see.");
    }
    return bottleneck;
  }

  static boolean canSee(Bottleneck bottleneck, Caller caller) {
    Long committee = bottleneck.getCommittee().getId();
    return caller.supervises(committee)
        || caller.leadsOrActsFor(committee)
        || caller.isOfficerOf(bottleneck.getUnit().getId())
        || isResolverOfficer(bottleneck, caller);
  }

  static boolean mayMove(Bottleneck bottleneck, Caller caller) {
    Long committee = bottleneck.getCommittee().getId();
    return caller.supervises(committee)
        || caller.leadsOrActsFor(committee)
        || isResolverOfficer(bottleneck, caller);
  }

  /**
   * The leader a substitute moves it for; null when the caller may move it in their own right (as
   * supervisor, leader or officer of the resolver unit).
   */
  private static String actingFor(Bottleneck bottleneck, Caller caller) {
    Long committee = bottleneck.getCommittee().getId();
    if (caller.supervises(committee)
        || caller.leads(committee)
        || isResolverOfficer(bottleneck, caller)) {
      return null;
    }
    return caller.actingFor(committee).orElse(null);
  }

  private static boolean isResolverOfficer(Bottleneck bottleneck, Caller caller) {
    return bottleneck.getResolverUnit() != null
        && caller.isOfficerOf(bottleneck.getResolverUnit().getId());
  }

  /**
   * The resolver named by the client: {@code LEADERS} (any case) is the committee's leaders
   * (empty); otherwise an active unit's code. What is wrong is added to {@code errors}, naming the
   * field.
   */
  private Optional<Unit> resolverUnit(String code, String field, List<FieldError> errors) {
    if (code.strip().equalsIgnoreCase(Bottleneck.LEADERS)) {
      return Optional.empty();
    }
    Optional<Unit> unit = directory.unit(code);
    if (unit.isEmpty()) {
      errors.add(
          new FieldError(
              field,
              "no unit has code '"
                  + code.strip()
                  + "'; name a unit by its code, or "
                  + Bottleneck.LEADERS
                  + " for the committee's leaders"));
    } else if (!unit.get().isActive()) {
      errors.add(
          new FieldError(
              field,
              "unit "
                  + unit.get().getCode()
                  + " is inactive"
                  + (unit.get().getSuccessor() == null
                      ? ""
                      : "; it was merged into " + unit.get().getSuccessor().getCode())));
      return Optional.empty();
    }
    return unit;
  }

  private static void requireVersion(Bottleneck bottleneck, long version) {
    if (bottleneck.getVersion() != version) {
      throw ApiException.conflict(
          "Bottleneck "
              + bottleneck.getId()
              + " changed since version "
              + version
              + " (it is at "
              + bottleneck.getVersion()
              + "): reload it and try again.");
    }
  }

  private static ApiException conflict(String field, String detail) {
    return new ApiException(409, "Conflict", detail, List.of(new FieldError(field, detail)));
  }

  static boolean sameText(String a, String b) {
    return normalised(a).equals(normalised(b));
  }

  private static String normalised(String text) {
    return text.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
  }

  private static String excerpt(String text) {
    return text.length() <= TIMELINE_EXCERPT ? text : text.substring(0, TIMELINE_EXCERPT) + "…";
  }

  private static Instant now() {
    return Instant.now();
  }
}
