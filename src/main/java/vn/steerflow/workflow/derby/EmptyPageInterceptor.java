package vn.steerflow.workflow.derby;

import java.util.Collections;
import java.util.Properties;
import org.apache.ibatis.executor.Executor;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.plugin.Interceptor;
import org.apache.ibatis.plugin.Intercepts;
import org.apache.ibatis.plugin.Invocation;
import org.apache.ibatis.plugin.Signature;
import org.apache.ibatis.session.ResultHandler;
import org.apache.ibatis.session.RowBounds;
import org.camunda.bpm.engine.impl.db.ListQueryParameterObject;

/**
 * Answers a page of size zero with an empty list, as the engine does on other databases. Derby
 * refuses {@code FETCH NEXT 0 ROWS} (SQLState 2201W), so such a query never reaches it.
 */
@Intercepts(
    @Signature(
        type = Executor.class,
        method = "query",
        args = {MappedStatement.class, Object.class, RowBounds.class, ResultHandler.class}))
final class EmptyPageInterceptor implements Interceptor {

  @Override
  public Object intercept(Invocation invocation) throws Throwable {
    Object parameter = invocation.getArgs()[1];
    if (parameter instanceof ListQueryParameterObject query && query.getMaxResults() <= 0) {
      MappedStatement statement = (MappedStatement) invocation.getArgs()[0];
      String sql = statement.getBoundSql(parameter).getSql();
      if (sql.contains("ROWS ONLY")) {
        return Collections.emptyList();
      }
    }
    return invocation.proceed();
  }

  @Override
  public Object plugin(Object target) {
    return target instanceof Executor ? Interceptor.super.plugin(target) : target;
  }

  @Override
  public void setProperties(Properties properties) {
    // no settings
  }
}
