// The single-page app: signs in and out with fetch, and starts the Pylon chat after signing in
// with PylonChatJava.refresh() (from /pylon/chat-settings.js). User text only ever goes into
// textContent.
(function () {
  'use strict';
  var csrf = null; // {header, token} of the current session

  function byId(id) {
    return document.getElementById(id);
  }

  function session() {
    return fetch('/api/session', {credentials: 'same-origin', cache: 'no-store'})
      .then(function (response) { return response.json(); })
      .then(function (current) {
        csrf = current.csrf;
        show(current.user);
        return current.user;
      });
  }

  function show(user) {
    byId('signed-in').hidden = !user;
    byId('signed-in-as').hidden = !user;
    byId('signed-out').hidden = !!user;
    byId('display-name').textContent = user ? user.displayName : '';
    byId('header-name').textContent = user ? user.displayName : '';
  }

  function showChatSettings(settings) {
    byId('settings').textContent = settings ? JSON.stringify(settings, null, 2) : '';
  }

  function post(url, body) {
    var headers = {};
    headers[csrf.header] = csrf.token;
    if (body) {
      headers['Content-Type'] = 'application/x-www-form-urlencoded';
    }
    return fetch(url, {method: 'POST', credentials: 'same-origin', headers: headers, body: body});
  }

  byId('sign-in').addEventListener('submit', function (event) {
    event.preventDefault();
    byId('error').hidden = true;
    post('/api/login', new URLSearchParams({username: byId('username').value, password: byId('password').value}))
      .then(function (response) {
        if (response.status !== 204) {
          byId('error').hidden = false;
          return null;
        }
        // A new session with a new CSRF token; then the chat for the user now signed in.
        return session().then(function () { return PylonChatJava.refresh(); }).then(showChatSettings);
      })
      .catch(function (error) { console.error(error); });
  });

  byId('sign-out').addEventListener('click', function () {
    // Pylon documents no call that ends a chat session: a page load without chat settings does.
    post('/api/logout').then(function () { location.reload(); });
  });

  // Listed only in the sample's demo profile; elsewhere there is no such endpoint.
  fetch('/api/demo-accounts').then(function (response) {
    return response.ok ? response.json() : [];
  }).then(function (accounts) {
    byId('demo-accounts').hidden = accounts.length === 0;
    accounts.forEach(function (account) {
      var row = byId('accounts').insertRow();
      [account.username, account.password, account.displayName, account.email].forEach(function (text) {
        row.insertCell().textContent = text;
      });
    });
  });

  session();
  PylonChatJava.ready.then(showChatSettings, function () {});
})();
