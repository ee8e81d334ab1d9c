package vn.steerflow.api;

import com.fasterxml.jackson.jakarta.rs.json.JacksonJsonProvider;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;
import java.util.Set;
import vn.steerflow.admin.MigrationResource;
import vn.steerflow.admin.ModelRejectedMapper;
import vn.steerflow.admin.ModelResource;
import vn.steerflow.admin.ModelUploadFilter;
import vn.steerflow.committee.CommitteeResource;
import vn.steerflow.committee.MemberResource;
import vn.steerflow.committee.SubstitutionResource;
import vn.steerflow.committee.UnitResource;
import vn.steerflow.dashboard.DashboardResource;
import vn.steerflow.inbox.WorkResource;
import vn.steerflow.plan.PlanResource;
import vn.steerflow.plan.TaskResource;
import vn.steerflow.report.BottleneckResource;
import vn.steerflow.report.ContributionResource;
import vn.steerflow.report.DirectionResource;
import vn.steerflow.report.ExtensionResource;
import vn.steerflow.report.ReportResource;
import vn.steerflow.report.ReportingPeriodsResource;
import vn.steerflow.report.TaskBottlenecksResource;
import vn.steerflow.report.TaskExtensionsResource;
import vn.steerflow.report.TaskIndicatorsResource;
import vn.steerflow.report.TaskReportsResource;
import vn.steerflow.security.EngineCallerFilter;
import vn.steerflow.security.PasswordResource;
import vn.steerflow.security.SessionResource;
import vn.steerflow.security.TooManyAttempts;
import vn.steerflow.security.audit.AuditCsvResource;
import vn.steerflow.security.audit.AuditResource;

/**
 * steerflow's API. Its classes are listed, not scanned, so that no other JAX-RS resource on the
 * class path (Camunda's REST API, say) is published under {@code /api}.
 */
@ApplicationPath("/api/v1")
public class RestApplication extends Application {

  @Override
  public Set<Class<?>> getClasses() {
    return Set.of(
        TaskResource.class,
        ReportResource.class,
        TaskReportsResource.class,
        DirectionResource.class,
        ContributionResource.class,
        TaskExtensionsResource.class,
        ExtensionResource.class,
        ReportingPeriodsResource.class,
        BottleneckResource.class,
        TaskBottlenecksResource.class,
        TaskIndicatorsResource.class,
        WorkResource.class,
        UnitResource.class,
        CommitteeResource.class,
        MemberResource.class,
        SubstitutionResource.class,
        PlanResource.class,
        DashboardResource.class,
        SessionResource.class,
        PasswordResource.class,
        MigrationResource.class,
        ModelResource.class,
        ModelUploadFilter.class,
        ModelRejectedMapper.class,
        AuditResource.class,
        AuditCsvResource.class,
        EngineCallerFilter.class,
        JacksonJsonProvider.class,
        ObjectMapperProvider.class,
        ExceptionMappers.ApiExceptionMapper.class,
        ExceptionMappers.ConstraintViolationMapper.class,
        ExceptionMappers.JsonMapper.class,
        ExceptionMappers.EngineConflictMapper.class,
        ExceptionMappers.JpaConflictMapper.class,
        ExceptionMappers.TransactionalMapper.class,
        ExceptionMappers.PersistenceMapper.class,
        ExceptionMappers.WebApplicationMapper.class,
        ExceptionMappers.UnexpectedMapper.class,
        TooManyAttempts.Mapper.class);
  }

  @Override
  public Map<String, Object> getProperties() {
    // Jackson, not JSON-B or MOXy, binds JSON here (see ObjectMapperProvider). No generated WADL:
    // the published description is /openapi, and a second one would list paths unreviewed. With
    // auto-discovery off, multipart bodies (model uploads, read as Jakarta REST's EntityPart) need
    // Jersey's multipart feature named here; Payara ships it.
    return Map.of(
        "jersey.config.disableJsonBinding",
        true,
        "jersey.config.disableMoxyJson",
        true,
        "jersey.config.server.disableAutoDiscovery",
        true,
        "jersey.config.server.wadl.disableWadl",
        true,
        "jersey.config.server.provider.classnames",
        "org.glassfish.jersey.media.multipart.MultiPartFeature");
  }
}
