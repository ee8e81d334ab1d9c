package vn.steerflow.committee;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A leader's substitute for a period: while it is in force the substitute acts as a leader of the
 * leader's committee on its tasks (sees them, gets the escalations waiting for its leaders, gives
 * the direction), and what they do is recorded as done for the leader.
 *
 * <p>Who may act: an active member other than the leader who either belongs to the committee (a
 * supervisor of it, typically the head of the standing agency) or works in the leader's own unit (a
 * vice-chairman of the province's People's Committee for its chairman, whether or not they are a
 * committee member). A member of any other unit may not: a lead unit's officer would answer the
 * escalations about its own reports. Another leader of the committee needs no substitution (they
 * lead in their own right) and is refused.
 *
 * <p>The period is {@code [startsAt, endsAt)}, at most {@link #MAX_LENGTH} long (a longer absence
 * calls for another leader, not a substitute), starting no earlier than when it is named. A
 * substitution is never deleted; ending it early records who ended it and when, and from then on it
 * is not in force. Whether it is in force is decided from the clock on every request, so it never
 * outlives its end.
 */
@Entity
@Table(name = "SF_SUBSTITUTION")
public class Substitution {

  /** The longest period one substitution covers. */
  public static final Duration MAX_LENGTH = Duration.ofDays(90);

  /** How far in the past a period may start, for a client whose clock runs a little behind. */
  public static final Duration CLOCK_TOLERANCE = Duration.ofMinutes(5);

  public static final int MAX_REASON_LENGTH = 2000;

  static final String LEADER = "leader";
  static final String SUBSTITUTE = "substitute";
  static final String FROM = "from";
  static final String UNTIL = "until";
  static final String REASON = "reason";

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "sf_seq")
  private Long id;

  @ManyToOne(optional = false)
  @JoinColumn(name = "COMMITTEE_ID", nullable = false)
  private Committee committee;

  @ManyToOne(optional = false)
  @JoinColumn(name = "LEADER_ID", nullable = false)
  private Member leader;

  @ManyToOne(optional = false)
  @JoinColumn(name = "SUBSTITUTE_ID", nullable = false)
  private Member substitute;

  @Column(name = "STARTS_AT", nullable = false)
  private Instant startsAt;

  @Column(name = "ENDS_AT", nullable = false)
  private Instant endsAt;

  @Column(name = "REASON", nullable = false, length = MAX_REASON_LENGTH)
  private String reason;

  @Column(name = "NAMED_BY", nullable = false, length = 100)
  private String namedBy;

  @Column(name = "NAMED_AT", nullable = false)
  private Instant namedAt;

  @Column(name = "CANCELLED_BY", length = 100)
  private String cancelledBy;

  @Column(name = "CANCELLED_AT")
  private Instant cancelledAt;

  @Version
  @Column(name = "VERSION", nullable = false)
  private long version;

  protected Substitution() {}

  /**
   * Names {@code substitute} for {@code leader} over {@code [from, until)}, for the committee the
   * leader leads. Throws {@link Invalid} naming the field at fault.
   */
  public Substitution(
      Member leader,
      Member substitute,
      Instant from,
      Instant until,
      String reason,
      String namedBy,
      Instant namedAt) {
    Objects.requireNonNull(namedAt, "namedAt");
    this.namedBy = Unit.requireText(namedBy, "namedBy");
    this.namedAt = namedAt;
    if (leader == null
        || !leader.isActive()
        || !leader.getRoles().contains(Role.LEADER)
        || leader.getCommittee() == null) {
      throw new Invalid(
          LEADER,
          (leader == null ? "the leader" : leader.getUsername())
              + " is not an active leader of a committee");
    }
    this.leader = leader;
    this.committee = leader.getCommittee();
    this.substitute = eligibleSubstitute(leader, substitute);
    if (from == null) {
      throw new Invalid(FROM, "give the start of the period");
    }
    if (from.isBefore(namedAt.minus(CLOCK_TOLERANCE))) {
      throw new Invalid(FROM, "the period cannot start in the past");
    }
    if (until == null) {
      throw new Invalid(UNTIL, "give the end of the period");
    }
    if (!until.isAfter(from)) {
      throw new Invalid(UNTIL, "the period must end after it starts (until after from)");
    }
    if (Duration.between(from, until).compareTo(MAX_LENGTH) > 0) {
      throw new Invalid(
          UNTIL, "a substitution lasts at most " + MAX_LENGTH.toDays() + " days after from");
    }
    if (!until.isAfter(namedAt)) {
      throw new Invalid(UNTIL, "the period must end in the future");
    }
    this.startsAt = from;
    this.endsAt = until;
    if (reason == null || reason.isBlank()) {
      throw new Invalid(REASON, "say why the leader needs a substitute");
    }
    if (reason.strip().length() > MAX_REASON_LENGTH) {
      throw new Invalid(REASON, "at most " + MAX_REASON_LENGTH + " characters");
    }
    this.reason = reason.strip();
  }

  private static Member eligibleSubstitute(Member leader, Member substitute) {
    if (substitute == null || !substitute.isActive()) {
      throw new Invalid(SUBSTITUTE, "the substitute must be an active member");
    }
    if (substitute.getUsername().equals(leader.getUsername())) {
      throw new Invalid(SUBSTITUTE, "a leader cannot be their own substitute");
    }
    Committee committee = leader.getCommittee();
    boolean ofCommittee = sameCommittee(substitute.getCommittee(), committee);
    if (ofCommittee && substitute.getRoles().contains(Role.LEADER)) {
      throw new Invalid(
          SUBSTITUTE,
          substitute.getUsername()
              + " leads committee "
              + committee.getCode()
              + " in their own right and needs no substitution");
    }
    boolean ofLeadersUnit = substitute.getUnit().getCode().equals(leader.getUnit().getCode());
    if (!ofCommittee && !ofLeadersUnit) {
      throw new Invalid(
          SUBSTITUTE,
          substitute.getUsername()
              + " is neither a member of committee "
              + committee.getCode()
              + " nor of the leader's unit "
              + leader.getUnit().getCode());
    }
    return substitute;
  }

  private static boolean sameCommittee(Committee a, Committee b) {
    return a != null && b != null && a.getCode().equals(b.getCode());
  }

  /** What the substitution is at the instant: upcoming, current, ended, or cancelled (early). */
  public SubstitutionState stateAt(Instant at) {
    if (cancelledAt != null) {
      return SubstitutionState.CANCELLED;
    }
    if (at.isBefore(startsAt)) {
      return SubstitutionState.UPCOMING;
    }
    return at.isBefore(endsAt) ? SubstitutionState.CURRENT : SubstitutionState.ENDED;
  }

  /**
   * Whether the substitute acts for the leader at the instant: the period is current and the leader
   * still leads the committee they led when naming the substitute (a leader who stood down or was
   * deactivated passes nothing on).
   */
  public boolean isInForceAt(Instant at) {
    return stateAt(at) == SubstitutionState.CURRENT
        && leader.isActive()
        && leader.getRoles().contains(Role.LEADER)
        && sameCommittee(leader.getCommittee(), committee);
  }

  /**
   * Whether this substitution takes some of the period {@code [from, until)}: a cancelled one takes
   * none (it no longer stands, and its past is past).
   */
  public boolean overlaps(Instant from, Instant until) {
    return cancelledAt == null && startsAt.isBefore(until) && from.isBefore(endsAt);
  }

  /**
   * Ends the substitution early, or calls off one not yet started; an ended or already cancelled
   * one cannot be.
   */
  public void cancel(String by, Instant at) {
    SubstitutionState state = stateAt(at);
    if (state == SubstitutionState.CANCELLED) {
      throw new IllegalStateException("the substitution was already ended early by " + cancelledBy);
    }
    if (state == SubstitutionState.ENDED) {
      throw new IllegalStateException("the substitution ended at " + endsAt);
    }
    this.cancelledBy = Unit.requireText(by, "cancelledBy");
    this.cancelledAt = Objects.requireNonNull(at, "at");
  }

  /** A broken invariant, naming the request field at fault. */
  public static final class Invalid extends IllegalArgumentException {
    private final String field;

    Invalid(String field, String message) {
      super(message);
      this.field = field;
    }

    public String field() {
      return field;
    }
  }

  public Long getId() {
    return id;
  }

  public Committee getCommittee() {
    return committee;
  }

  public Member getLeader() {
    return leader;
  }

  public Member getSubstitute() {
    return substitute;
  }

  public Instant getStartsAt() {
    return startsAt;
  }

  public Instant getEndsAt() {
    return endsAt;
  }

  public String getReason() {
    return reason;
  }

  public String getNamedBy() {
    return namedBy;
  }

  public Instant getNamedAt() {
    return namedAt;
  }

  public String getCancelledBy() {
    return cancelledBy;
  }

  public Instant getCancelledAt() {
    return cancelledAt;
  }

  public long getVersion() {
    return version;
  }
}
