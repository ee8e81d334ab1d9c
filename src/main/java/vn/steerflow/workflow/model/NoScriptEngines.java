package vn.steerflow.workflow.model;

import javax.script.ScriptEngine;
import javax.script.ScriptEngineFactory;
import javax.script.ScriptEngineManager;

/**
 * The engine's script engines: none. A script the parse-time rules let through (they let none) or
 * one reached another way (a decision table, a script deployed before the rules) fails with "no
 * script engine for language ..." instead of running. Adding a factory is refused loudly, so a
 * plugin that tries notices.
 */
final class NoScriptEngines
    implements org.camunda.bpm.engine.impl.scripting.engine.ScriptEngineResolver {

  /** Looks up nothing: built on the platform class loader, which holds no script engine. */
  private final ScriptEngineManager empty = new ScriptEngineManager(null);

  @Override
  public void addScriptEngineFactory(ScriptEngineFactory factory) {
    throw new UnsupportedOperationException(
        "steerflow runs no scripts: script engine " + factory.getEngineName() + " refused");
  }

  @Override
  public ScriptEngineManager getScriptEngineManager() {
    return empty;
  }

  @Override
  public ScriptEngine getScriptEngine(String language, boolean resolveFromCache) {
    return null;
  }
}
