/*
 * pylon-chat-java loader: starts Pylon's chat widget on a page that has no inline script.
 *
 *   <script src="/pylon/chat-settings.js" nonce="..." async></script>
 *
 * It fetches the visitor's chat settings from the endpoint next to it (its own URL without ".js"),
 * sets window.pylon = {chat_settings: ...} and inserts Pylon's widget script the way Pylon's install
 * snippet does, with this script's nonce. window.PylonChatJava.refresh() fetches the settings again
 * after a login done without a page load. Pylon has no call to end a chat session: after a logout,
 * reload the page.
 */
(function () {
  'use strict';
  var me = document.currentScript;
  if (!me) {
    console.error('pylon-chat: load chat-settings.js with a classic <script src=...>, not as a module');
    return;
  }
  var settingsUrl = me.src.replace(/\.js(?:[?#].*)?$/, '');
  var nonce = me.nonce || me.getAttribute('nonce') || '';
  var startedEmail; // undefined until the widget starts; then the email it started with, or null

  function startWidget(widgetScriptUrl) {
    // Pylon's official snippet: a stub that queues Pylon(...) calls, and the widget script
    // inserted once the page has loaded.
    var w = window;
    var d = document;
    var n = function () { n.e(arguments); };
    n.q = [];
    n.e = function (e) { n.q.push(e); };
    w.Pylon = n;
    var insert = function () {
      var s = d.createElement('script');
      s.setAttribute('type', 'text/javascript');
      s.setAttribute('async', 'true');
      if (nonce) {
        s.nonce = nonce;
      }
      s.setAttribute('src', widgetScriptUrl);
      var first = d.getElementsByTagName('script')[0];
      first.parentNode.insertBefore(s, first);
    };
    if (d.readyState === 'complete') {
      insert();
    } else {
      w.addEventListener('load', insert, false);
    }
  }

  function fetchSettings() {
    return fetch(settingsUrl, {
      credentials: 'same-origin',
      cache: 'no-store',
      redirect: 'manual',
      headers: {Accept: 'application/json'}
    }).then(function (response) {
      if (response.status === 204 || response.status === 401) {
        return null; // nobody is logged in (and anonymous visitors get no widget)
      }
      var type = response.headers.get('Content-Type') || '';
      if (response.status !== 200 || type.indexOf('application/json') !== 0) {
        throw new Error('pylon-chat: GET ' + settingsUrl + ' answered ' + (response.status || response.type)
            + ' ' + type + ' instead of chat settings; let every visitor reach it (a login redirect or an'
            + ' error page is not settings), and see the server log');
      }
      var widgetScriptUrl = response.headers.get('Pylon-Widget-Script');
      if (!widgetScriptUrl) {
        throw new Error('pylon-chat: the answer of GET ' + settingsUrl + ' lacks the header Pylon-Widget-Script'
            + ' (does a proxy remove it?)');
      }
      return response.json().then(function (settings) {
        return {settings: settings, widgetScriptUrl: widgetScriptUrl};
      });
    });
  }

  function apply(answer) {
    var settings = answer && answer.settings;
    var email = settings && settings.email || null;
    if (startedEmail !== undefined) {
      if (!settings || email !== startedEmail) {
        throw new Error('pylon-chat: the widget has started for another visitor, and Pylon documents no'
            + ' call to change or end its identity; reload the page (location.reload()) to show the chat'
            + ' for the visitor now logged in or out');
      }
      window.pylon.chat_settings = settings; // the same visitor: fresh settings
      return settings;
    }
    if (!settings) {
      return null;
    }
    window.pylon = Object.assign(window.pylon || {}, {chat_settings: settings});
    startedEmail = email;
    startWidget(answer.widgetScriptUrl);
    return settings;
  }

  /**
   * Fetches the chat settings again and starts the widget if it has not started yet; resolves to
   * the chat_settings object, or null when nobody is shown the widget. Rejects when the widget
   * already runs for another visitor (then reload the page) or the endpoint fails.
   */
  function refresh() {
    return fetchSettings().then(apply);
  }

  var ready = refresh();
  ready.catch(function (error) {
    console.error(error);
  });
  window.PylonChatJava = {refresh: refresh, ready: ready};
})();
