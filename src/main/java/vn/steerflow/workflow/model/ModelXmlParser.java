package vn.steerflow.workflow.model;

import java.io.ByteArrayInputStream;
import javax.xml.parsers.SAXParserFactory;
import org.camunda.bpm.engine.impl.util.xml.Parse;
import org.camunda.bpm.engine.impl.util.xml.Parser;

/**
 * Reads a model into the engine's element tree (with line and column per element) the way the
 * engine reads XML: its SAX set-up, external entities and DTDs refused unless the engine's {@code
 * enableXxeProcessing} says otherwise (it does not: see ModelGuardPlugin). Unlike the engine's own
 * BPMN parse it does not validate against a schema, so nothing a document names (an {@code
 * xsi:schemaLocation}) is fetched before the rules have refused it.
 */
final class ModelXmlParser extends Parser {

  /** A factory of its own: the engine's is shared per thread and set to validate. */
  private final SAXParserFactory factory = SAXParserFactory.newInstance();

  ModelXmlParser() {
    // namespace-aware, so elements and attributes carry their namespaces; never validating
    factory.setNamespaceAware(true);
    factory.setValidating(false);
  }

  /** The parse of the document; its problems hold what the XML parser reported. */
  Parse parse(String name, byte[] document) {
    Parse parse = createParse();
    parse.name(name);
    parse.sourceInputStream(new ByteArrayInputStream(document));
    return parse.execute();
  }

  @Override
  public Parse createParse() {
    return new Parse(this) {};
  }

  @Override
  protected SAXParserFactory getSaxParserFactoryLazily() {
    return factory;
  }

  @Override
  protected void enableSchemaValidation(boolean enableSchemaValidation) {
    // no schema is set, so the parse never asks; were it to, it stays as the constructor set it
  }
}
