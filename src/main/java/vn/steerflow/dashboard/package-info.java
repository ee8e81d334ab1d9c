/**
 * Statistics and ranking over a plan or a period, for the committee's leaders and supervisors. The
 * service counts in the database with aggregate queries (GROUP BY lead unit, kind and outcome) and
 * hands the counts to {@link vn.steerflow.dashboard.DashboardCalculator}, plain Java that totals,
 * writes the headline and ranks the units by the documented score. Depends on api, plan, report and
 * security.
 */
package vn.steerflow.dashboard;
