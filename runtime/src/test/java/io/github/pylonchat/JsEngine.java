package io.github.pylonchat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mozilla.javascript.Context;
import org.mozilla.javascript.Scriptable;
import org.mozilla.javascript.ScriptableObject;

/**
 * Runs the widget's scripts in a real JavaScript engine (Rhino, interpreted) against stub
 * {@code window} and {@code document} objects. A Rhino context belongs to the thread that made
 * it: make one per thread, reuse it, and close it on that thread.
 */
final class JsEngine implements AutoCloseable {
  /** What the loader did: the elements it inserted and the load listeners it registered. */
  record LoaderRun(List<Map<String, String>> insertedElements, int loadListeners, boolean pylonIsQueueingStub) {}

  private static final String LOADER_STUBS = """
      var inserted = [];
      var listeners = [];
      var firstScript = { parentNode: { insertBefore: function (element, before) {
        if (before !== firstScript) { throw new Error("inserted before something else"); }
        inserted.push(element);
      } } };
      var document = {
        readyState: READY_STATE,
        createElement: function (tagName) {
          var element = { tagName: String(tagName), attributes: {} };
          element.setAttribute = function (name, value) { element.attributes[name] = String(value); };
          return element;
        },
        getElementsByTagName: function (tagName) { return tagName === "script" ? [firstScript] : []; }
      };
      var window = { addEventListener: function (type, listener, capture) {
        listeners.push({ type: type, listener: listener });
      } };
      """;

  private final Context cx;
  private final ScriptableObject standardObjects;

  JsEngine() {
    cx = Context.enter();
    cx.setInterpretedMode(true); // no class generation per script: fast for thousands of runs
    cx.setLanguageVersion(Context.VERSION_ES6);
    standardObjects = cx.initSafeStandardObjects();
    standardObjects.sealObject();
  }

  /**
   * Runs {@code settingsScript} with an empty {@code window} and returns
   * {@code window.pylon.chat_settings} as a map, asserting that the script set nothing else and
   * that every value is a string.
   */
  Map<String, String> chatSettings(String settingsScript) {
    Scriptable scope = freshScope();
    cx.evaluateString(scope, "var window = {};", "stub", 1, null);
    cx.evaluateString(scope, settingsScript, "settings", 1, null);
    Scriptable window = (Scriptable) scope.get("window", scope);
    assertEquals(List.of("pylon"), List.of(window.getIds()), "window properties");
    Scriptable pylon = assertInstanceOf(Scriptable.class, window.get("pylon", window));
    assertEquals(List.of("chat_settings"), List.of(pylon.getIds()), "window.pylon properties");
    Scriptable settings = assertInstanceOf(Scriptable.class, pylon.get("chat_settings", pylon));
    Map<String, String> values = new LinkedHashMap<>();
    for (Object id : settings.getIds()) {
      String key = assertInstanceOf(String.class, id);
      Object value = settings.get(key, settings);
      values.put(key, assertInstanceOf(CharSequence.class, value, key).toString());
    }
    return values;
  }

  /**
   * Runs the loader script with a stub {@code document} whose {@code readyState} is "complete"
   * (page already loaded) or "loading"; in the latter case the registered load listeners are
   * then called, as the browser would.
   */
  LoaderRun runLoader(String loaderScript, boolean pageLoaded) {
    Scriptable scope = freshScope();
    cx.evaluateString(scope, LOADER_STUBS.replace("READY_STATE", pageLoaded ? "\"complete\"" : "\"loading\""),
        "stubs", 1, null);
    cx.evaluateString(scope, loaderScript, "loader", 1, null);
    int listeners = ((Number) eval(scope, "listeners.length")).intValue();
    eval(scope, "listeners.forEach(function (l) { if (l.type === 'load') { l.listener(); } })");
    boolean queueing = (Boolean) eval(scope,
        "typeof window.Pylon === 'function' && (window.Pylon('show'), window.Pylon.q.length === 1"
            + " && window.Pylon.q[0][0] === 'show')");
    int count = ((Number) eval(scope, "inserted.length")).intValue();
    List<Map<String, String>> elements = new java.util.ArrayList<>();
    for (int i = 0; i < count; i++) {
      Map<String, String> element = new LinkedHashMap<>();
      element.put("tagName", eval(scope, "inserted[" + i + "].tagName").toString());
      Scriptable attributes = (Scriptable) eval(scope, "inserted[" + i + "].attributes");
      for (Object id : attributes.getIds()) {
        element.put((String) id, attributes.get((String) id, attributes).toString());
      }
      elements.add(element);
    }
    return new LoaderRun(elements, listeners, queueing);
  }

  private Object eval(Scriptable scope, String expression) {
    return cx.evaluateString(scope, expression, "probe", 1, null);
  }

  /** A new global scope whose standard objects (Object, String, JSON...) are shared and sealed. */
  private Scriptable freshScope() {
    Scriptable scope = cx.newObject(standardObjects);
    scope.setPrototype(standardObjects);
    scope.setParentScope(null);
    return scope;
  }

  @Override
  public void close() {
    cx.close();
  }
}
