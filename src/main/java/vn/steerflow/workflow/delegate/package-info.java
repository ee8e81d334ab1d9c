/**
 * The Java side of the service steps a task-cycle model may call. A model names a bean of {@link
 * vn.steerflow.workflow.TaskCycleContract.Beans} in {@code camunda:delegateExpression}; the engine
 * is configured with {@link vn.steerflow.workflow.delegate.TaskCycleBeans#allowlist} and nothing
 * else, so an uploaded model can reach these delegates and no other code. Delegates change process
 * variables of the contract and tell a sink the application implements: {@link
 * vn.steerflow.workflow.delegate.TaskCycleEvents} (urging, overdue: the timeline) and {@link
 * vn.steerflow.workflow.delegate.ReportingPeriodEvents} (a REGULAR task's periods). This package
 * depends on the engine API, the contract and the reporting calendar only.
 */
package vn.steerflow.workflow.delegate;
