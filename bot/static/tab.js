// The decision register tab: theme, language and context from Teams (teams-js) inside Teams,
// from the URL outside it; data from /tab/api/* with the user's Teams SSO token.
(function () {
  "use strict";
  var params = new URLSearchParams(window.location.search);
  var root = document.documentElement;
  var teams = window.microsoftTeams;
  var inTeams = params.get("host") === "teams" && !!teams;
  var state = {
    tenant: params.get("tenant") || "",
    conversation: params.get("conversation") || "",
    meeting: params.get("meeting") || "",
    context: params.get("context") || "",
    lang: root.lang || "sv",
    view: root.getAttribute("data-view") || "register"
  };
  var statusEl = document.getElementById("status");
  var results = document.getElementById("results");
  var form = document.getElementById("filters");
  var filled = false;

  function setTheme(name) {
    root.setAttribute("data-theme", name === "dark" || name === "contrast" ? name : "default");
  }
  function say(text) { statusEl.textContent = text || ""; }

  function authHeaders() {
    if (!inTeams) return Promise.resolve({});
    return teams.authentication.getAuthToken().then(function (token) {
      return { Authorization: "Bearer " + token };
    });
  }

  function call(path, query) {
    var url = new URL(path, window.location.origin);
    Object.keys(query).forEach(function (k) { if (query[k]) url.searchParams.set(k, query[k]); });
    ["lang", "context", "tenant"].forEach(function (k) {
      if (state[k]) url.searchParams.set(k, state[k]);
    });
    return authHeaders().then(function (headers) {
      return fetch(url.toString(), { headers: headers, credentials: "same-origin" });
    }).then(function (resp) {
      if (resp.status === 401) { throw new Error(statusEl.getAttribute("data-signin")); }
      if (!resp.ok) {
        return resp.text().then(function (t) { throw new Error(t || statusEl.getAttribute("data-error")); });
      }
      return resp;
    });
  }

  function fillSelect(select, items, value, label) {
    items.forEach(function (item) {
      var opt = document.createElement("option");
      opt.value = String(value(item));
      opt.textContent = label(item);
      select.appendChild(opt);
    });
  }

  function query() {
    var q = { meeting: state.meeting };
    if (form) {
      ["q", "body", "year", "kind"].forEach(function (k) { q[k] = form.elements[k].value.trim(); });
    }
    return q;
  }

  function show(data) {
    results.innerHTML = data.html;
    results.setAttribute("aria-busy", "false");
    say(data.status);
    if (form && !filled && data.bodies) {
      fillSelect(form.elements.body, data.bodies, function (b) { return b.id; }, function (b) { return b.name; });
      fillSelect(form.elements.year, data.years, function (y) { return y; }, function (y) { return String(y); });
      filled = true;
    }
    if (window.location.hash) {
      var target = document.getElementById(window.location.hash.slice(1));
      if (target) { target.scrollIntoView(); }
    }
  }

  function fail(err) {
    results.setAttribute("aria-busy", "false");
    say(err && err.message ? err.message : statusEl.getAttribute("data-error"));
  }

  function load() {
    results.setAttribute("aria-busy", "true");
    say(statusEl.getAttribute("data-loading"));
    var path = state.view === "panel" ? "/tab/api/panel" : "/tab/api/register";
    var q = state.view === "panel" ? { meeting: state.meeting, conversation: state.conversation } : query();
    return call(path, q).then(function (r) { return r.json(); }).then(show).catch(fail);
  }

  // Save a response as a file; the name from its Content-Disposition.
  function saveAs(resp, fallback) {
    var disposition = resp.headers.get("Content-Disposition") || "";
    var match = /filename\*=UTF-8''([^;]+)/.exec(disposition) || /filename="([^"]+)"/.exec(disposition);
    var name = match ? decodeURIComponent(match[1]) : fallback;
    return resp.blob().then(function (blob) {
      var a = document.createElement("a");
      a.href = URL.createObjectURL(blob);
      a.download = name;
      document.body.appendChild(a);
      a.click();
      setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
      say(statusEl.getAttribute("data-exported"));
    });
  }

  function exportFile() {
    var q = query();
    q.format = form.elements.format.value;
    delete q.q; delete q.meeting;
    say(statusEl.getAttribute("data-loading"));
    return call("/tab/api/export", q).then(function (resp) {
      return saveAs(resp, "beslut." + q.format);
    }).catch(fail);
  }

  // A deep link from a personal chat (subEntityId "protokoll-<id>"): the full minutes, fetched
  // with the user's own token.
  var docSection = document.getElementById("document");
  function offerDocument(meetingId) {
    if (!docSection) return;
    docSection.hidden = false;
    docSection.addEventListener("click", function (ev) {
      var fmt = ev.target.getAttribute && ev.target.getAttribute("data-doc-format");
      if (!fmt) return;
      call("/tab/api/document/" + meetingId, { format: fmt, full: "1" })
        .then(function (resp) { return saveAs(resp, "protokoll." + fmt); })
        .catch(fail);
    });
  }

  function openMinutes(link) {
    var path = "/tab/api/minutes/" + link.getAttribute("data-meeting");
    return call(path, { format: link.getAttribute("data-format") })
      .then(function (r) { return r.json(); })
      .then(function (data) { window.open(data.url, "_blank", "noopener"); })
      .catch(fail);
  }

  if (form) {
    form.addEventListener("submit", function (ev) { ev.preventDefault(); load(); });
    ["body", "year", "kind"].forEach(function (k) {
      form.elements[k].addEventListener("change", function () { load(); });
    });
    document.getElementById("export").addEventListener("click", exportFile);
  }
  results.addEventListener("click", function (ev) {
    var link = ev.target.closest ? ev.target.closest("a.minutes") : null;
    if (link) { ev.preventDefault(); openMinutes(link); }
  });

  function start() {
    if (!inTeams) {
      setTheme(params.get("theme"));
      return load();
    }
    return teams.app.initialize().then(function () {
      return teams.app.getContext();
    }).then(function (ctx) {
      setTheme(ctx.app && ctx.app.theme);
      teams.app.registerOnThemeChangeHandler(setTheme);
      var locale = (ctx.app && ctx.app.locale || "").toLowerCase();
      var lang = locale.indexOf("en") === 0 ? "en" : "sv";
      var frame = ctx.page && ctx.page.frameContext;
      var view = frame === "sidePanel" || frame === "meetingStage" ? "panel" : "register";
      // Language and view shape the page itself: ask the server for the right one, once.
      if ((lang !== state.lang && params.get("lang") !== lang) ||
          (view !== state.view && params.get("view") !== view)) {
        params.set("lang", lang);
        params.set("view", view);
        window.location.replace(window.location.pathname + "?" + params.toString() + window.location.hash);
        return;
      }
      if (ctx.chat && ctx.chat.id) { state.conversation = ctx.chat.id; }
      else if (ctx.channel && ctx.channel.id) { state.conversation = ctx.channel.id; }
      state.context = !ctx.chat && !ctx.channel && !ctx.meeting ? "personal" : "shared";
      var sub = (ctx.page && ctx.page.subPageId) || "";
      var linked = /^protokoll-(\d+)$/.exec(sub);
      if (linked && state.context === "personal") { offerDocument(linked[1]); }
      // A link to one decision (an export's "Länk"): its meeting, scrolled to the decision.
      var decision = /^beslut-(\d+)-(\d+)$/.exec(sub);
      if (decision) {
        state.meeting = decision[1];
        window.location.hash = "beslut-" + decision[2];
      }
      teams.app.notifySuccess();
      return load();
    }).catch(fail);
  }
  start();
})();
