package vn.steerflow.workflow.derby;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.ibatis.builder.xml.XMLMapperBuilder;
import org.apache.ibatis.session.Configuration;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/**
 * Teaches the engine Derby. Add it to any process engine configuration's plugins; it does nothing
 * when the database turns out not to be Derby, so one configuration serves Derby and PostgreSQL
 * alike.
 *
 * <ul>
 *   <li>{@code preInit}: maps the product name "Apache Derby" to the database type {@code derby},
 *       registers the SQL fragments and statement overrides, and puts the conflict translator
 *       outermost.
 *   <li>{@code postInit}: once the engine's MyBatis configuration exists, and only on Derby, adds
 *       the statements Derby needs of its own and the empty-page guard, and makes failed jobs that
 *       lost a race on Derby retry without using up a retry.
 * </ul>
 */
public class DerbyDialectPlugin extends AbstractProcessEnginePlugin {

  static final String STATEMENTS_RESOURCE = "vn/steerflow/workflow/derby/derby-statements.xml";

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    DerbySqlDialect.register();
    configuration.setCustomPreCommandInterceptorsTxRequired(
        withTranslatorFirst(configuration.getCustomPreCommandInterceptorsTxRequired()));
    configuration.setCustomPreCommandInterceptorsTxRequiresNew(
        withTranslatorFirst(configuration.getCustomPreCommandInterceptorsTxRequiresNew()));
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    if (!DerbyDatabase.TYPE.equals(configuration.getDatabaseType())) {
      return;
    }
    if (!configuration.isJdbcBatchProcessing()) {
      // Without batch processing the engine runs its lock statements without fetching the row, and
      // Derby
      // takes a row lock only when the row is fetched: the property locks would lock nothing.
      throw new ProcessEngineException(
          "The Derby dialect needs jdbcBatchProcessing=true (the engine's default)");
    }
    // A job's failure is recorded before the conflict translator sees it: retry lost races all the
    // same.
    configuration.setFailedJobCommandFactory(
        DerbyConflictTranslator.forJobRetries(configuration.getFailedJobCommandFactory()));
    Configuration mybatis = configuration.getSqlSessionFactory().getConfiguration();
    // The engine may share one MyBatis configuration between engines: add what it lacks, once.
    synchronized (mybatis) {
      if (!mybatis.hasStatement(
          DerbySqlDialect.PROPERTY_LOCK_STATEMENTS[0] + DerbySqlDialect.OWN_STATEMENT_SUFFIX)) {
        addOwnStatements(mybatis);
        mybatis.addInterceptor(new EmptyPageInterceptor());
      }
    }
  }

  private static void addOwnStatements(Configuration mybatis) {
    try (InputStream xml =
        DerbyDialectPlugin.class.getClassLoader().getResourceAsStream(STATEMENTS_RESOURCE)) {
      if (xml == null) {
        throw new ProcessEngineException("Derby dialect resource missing: " + STATEMENTS_RESOURCE);
      }
      new XMLMapperBuilder(xml, mybatis, STATEMENTS_RESOURCE, mybatis.getSqlFragments()).parse();
    } catch (IOException e) {
      throw new ProcessEngineException("Cannot read " + STATEMENTS_RESOURCE, e);
    }
  }

  private static List<CommandInterceptor> withTranslatorFirst(List<CommandInterceptor> existing) {
    List<CommandInterceptor> interceptors = new ArrayList<>();
    // Outermost, so that it sees failures from the flush at the end of every command.
    interceptors.add(new DerbyConflictTranslator());
    if (existing != null) {
      existing.stream()
          .filter(i -> !(i instanceof DerbyConflictTranslator))
          .forEach(interceptors::add);
    }
    return interceptors;
  }
}
