package vn.steerflow.report;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import vn.steerflow.plan.Task;

/**
 * A leader's answer to an escalated report. Given by a substitute, it names the leader they acted
 * for.
 */
@Entity
@Table(name = "SF_DIRECTION")
public class Direction {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "sf_seq")
  private Long id;

  @ManyToOne(optional = false)
  @JoinColumn(name = "TASK_ID", nullable = false)
  private Task task;

  @ManyToOne(optional = false)
  @JoinColumn(name = "REPORT_ID", nullable = false)
  private Report report;

  @Column(name = "QUESTION", nullable = false, length = 4000)
  private String question;

  @Column(name = "ANSWER", nullable = false, length = 4000)
  private String answer;

  @Column(name = "LEADER", nullable = false)
  private String leader;

  /** The leader a substitute gave the direction for; null when a leader gave it. */
  @Column(name = "ACTING_FOR", length = 100)
  private String actingFor;

  @Column(name = "GIVEN_AT", nullable = false)
  private Instant givenAt;

  protected Direction() {}

  public Direction(Report report, String question, String answer, String leader, Instant givenAt) {
    this(report, question, answer, leader, null, givenAt);
  }

  public Direction(
      Report report,
      String question,
      String answer,
      String leader,
      String actingFor,
      Instant givenAt) {
    this.report = Objects.requireNonNull(report);
    this.task = report.getTask();
    this.question = Objects.requireNonNull(question);
    if (answer == null || answer.isBlank()) {
      throw new IllegalArgumentException("a direction needs an answer");
    }
    this.answer = answer.strip();
    this.leader = Objects.requireNonNull(leader);
    if (leader.equals(actingFor)) {
      throw new IllegalArgumentException(leader + " cannot act for themselves");
    }
    this.actingFor = actingFor;
    this.givenAt = Objects.requireNonNull(givenAt);
  }

  public Long getId() {
    return id;
  }

  /** Who gave the direction: the leader, or the substitute acting for {@link #getActingFor}. */
  public String getLeader() {
    return leader;
  }

  public String getActingFor() {
    return actingFor;
  }
}
