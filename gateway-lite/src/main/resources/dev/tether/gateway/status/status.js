// Tether gateway status page: refresh, sort, filter and host details on top of the server-rendered
// table. Values from pushes reach the DOM only through textContent, never as HTML.
(function () {
  "use strict";
  var REFRESH_MS = Number(document.body.getAttribute("data-refresh-ms")) || 5000;
  var STATES = ["up", "expired", "paused", "left"];
  var hosts = [];
  var sortKey = "host";
  var sortDir = 1;
  var selected = new URLSearchParams(location.search).get("host");
  var clockOffset = 0; // server time minus browser time, from the Date header

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    return e;
  }

  function serverNow() { return Date.now() + clockOffset; }

  function duration(seconds) {
    if (seconds === null || seconds === undefined || isNaN(seconds)) { return "\u2013"; }
    var s = Math.max(0, Math.round(seconds));
    if (s < 60) { return s + "s"; }
    if (s < 3600) { return Math.floor(s / 60) + "m " + (s % 60) + "s"; }
    if (s < 86400) { return Math.floor(s / 3600) + "h " + Math.floor((s % 3600) / 60) + "m"; }
    return Math.floor(s / 86400) + "d " + Math.floor((s % 86400) / 3600) + "h";
  }

  function bytes(n) {
    if (n < 1024) { return n + " B"; }
    if (n < 1048576) { return (n / 1024).toFixed(1) + " KiB"; }
    return (n / 1048576).toFixed(1) + " MiB";
  }

  function millis(t) { return t ? Date.parse(t) : null; }

  function expiresIn(h) {
    var now = serverNow();
    if (h.state === "up" && h.expiresAt) { return (millis(h.expiresAt) - now) / 1000; }
    if (h.state === "paused" && h.pausedUntil) { return (millis(h.pausedUntil) - now) / 1000; }
    return null;
  }

  function sortValue(h, key) {
    if (key === "lastPush") { return h.lastPush ? millis(h.lastPush) : -Infinity; }
    if (key === "expiresIn") { var v = expiresIn(h); return v === null ? -Infinity : v; }
    if (key === "state") { return STATES.indexOf(h.state); }
    var x = h[key];
    return x === null || x === undefined ? -Infinity : x;
  }

  function visible() {
    var text = document.getElementById("filter").value.trim().toLowerCase();
    var state = document.getElementById("state-filter").value;
    return hosts.filter(function (h) {
      return (!text || h.host.toLowerCase().indexOf(text) >= 0) && (!state || h.state === state);
    }).sort(function (a, b) {
      var x = sortValue(a, sortKey), y = sortValue(b, sortKey);
      if (x < y) { return -sortDir; }
      if (x > y) { return sortDir; }
      return a.host < b.host ? -1 : a.host > b.host ? 1 : 0;
    });
  }

  function hostLink(host) {
    var a = el("a", "host-link", host);
    a.href = "?host=" + encodeURIComponent(host);
    a.addEventListener("click", function (ev) {
      ev.preventDefault();
      selected = host;
      history.replaceState(null, "", "?host=" + encodeURIComponent(host));
      renderTable();
      loadDetails();
    });
    return a;
  }

  function renderSummary() {
    var counts = {};
    STATES.forEach(function (s) { counts[s] = 0; });
    hosts.forEach(function (h) { counts[h.state] = (counts[h.state] || 0) + 1; });
    var parts = STATES.map(function (s) { return counts[s] + " " + s; });
    document.getElementById("summary").textContent =
      hosts.length + (hosts.length === 1 ? " host: " : " hosts: ") + parts.join(" \u00b7 ");
  }

  function renderTable() {
    var tbody = document.querySelector("#hosts tbody");
    var rows = document.createDocumentFragment();
    var now = serverNow();
    visible().forEach(function (h) {
      var tr = el("tr");
      tr.setAttribute("data-host", h.host);
      tr.setAttribute("data-state", h.state);
      if (h.host === selected) { tr.className = "selected"; }
      var name = el("td");
      name.appendChild(hostLink(h.host));
      tr.appendChild(name);
      var state = el("td");
      state.appendChild(el("span", "badge badge-" + h.state, h.state));
      tr.appendChild(state);
      var last = el("td", null, h.lastPush ? duration((now - millis(h.lastPush)) / 1000) + " ago" : "never");
      if (h.lastPush) { last.title = h.lastPush; }
      tr.appendChild(last);
      tr.appendChild(el("td", "num", h.ttlSeconds === null ? "\u2013" : duration(h.ttlSeconds)));
      tr.appendChild(el("td", "num", duration(expiresIn(h))));
      tr.appendChild(el("td", "num", h.series));
      tr.appendChild(el("td", "num", bytes(h.bytes)));
      rows.appendChild(tr);
    });
    tbody.replaceChildren(rows);
    document.getElementById("empty").hidden = hosts.length > 0;
    document.querySelectorAll("#hosts th[data-sort]").forEach(function (th) {
      th.classList.remove("sorted-asc", "sorted-desc");
      if (th.getAttribute("data-sort") === sortKey) { th.classList.add(sortDir > 0 ? "sorted-asc" : "sorted-desc"); }
    });
    renderSummary();
  }

  function renderDetails(d) {
    var box = document.getElementById("details");
    var parts = document.createDocumentFragment();
    if (!d) { box.replaceChildren(); return; }
    var h2 = el("h2", null, "Host ");
    h2.appendChild(el("code", "detail-host", d.host));
    h2.appendChild(document.createTextNode(" "));
    h2.appendChild(el("span", "badge badge-" + d.state, d.state));
    parts.appendChild(h2);
    parts.appendChild(el("h3", null, "Targets"));
    if (d.targets.length === 0) {
      parts.appendChild(el("p", "muted", "No tether_target_up series."));
    } else {
      var t = el("table", "targets");
      var head = el("tr");
      ["job", "instance", "tether_target_up"].forEach(function (c) { head.appendChild(el("th", null, c)); });
      t.appendChild(head);
      d.targets.forEach(function (x) {
        var tr = el("tr");
        tr.appendChild(el("td", "target-job", x.job));
        tr.appendChild(el("td", "target-instance", x.instance));
        tr.appendChild(el("td", x.up === 1 ? "target-up" : "target-down", x.up));
        t.appendChild(tr);
      });
      parts.appendChild(t);
    }
    parts.appendChild(el("h3", null, "Series (" + d.series + ")"));
    if (d.families.length === 0) {
      parts.appendChild(el("p", "muted", "No series served now."));
    } else {
      var ul = el("ul", "families");
      d.families.forEach(function (f) {
        var li = el("li");
        li.appendChild(el("code", "family-name", f.name));
        li.appendChild(el("span", "muted", " " + f.type + ", " + f.series));
        ul.appendChild(li);
      });
      parts.appendChild(ul);
    }
    box.replaceChildren(parts);
  }

  function loadDetails() {
    if (!selected) { renderDetails(null); return; }
    fetch("api/v1/hosts/" + encodeURIComponent(selected), { cache: "no-store" })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(renderDetails)
      .catch(function () { /* keep what is shown; the next refresh tries again */ });
  }

  function refresh() {
    fetch("api/v1/hosts", { cache: "no-store" }).then(function (r) {
      var date = r.headers.get("Date");
      if (date) { clockOffset = Date.parse(date) + 500 - Date.now(); }
      return r.json();
    }).then(function (list) {
      hosts = list;
      renderTable();
      document.getElementById("refreshed").textContent = "refreshed " + new Date().toLocaleTimeString();
      document.body.setAttribute("data-refreshes", String(Number(document.body.getAttribute("data-refreshes") || 0) + 1));
    }).catch(function () {
      document.getElementById("refreshed").textContent = "gateway unreachable, retrying";
    }).then(function () {
      if (selected) { loadDetails(); }
      setTimeout(refresh, REFRESH_MS);
    });
  }

  document.getElementById("controls").hidden = false;
  document.getElementById("filter").addEventListener("input", renderTable);
  document.getElementById("state-filter").addEventListener("change", renderTable);
  document.querySelectorAll("#hosts th[data-sort]").forEach(function (th) {
    th.addEventListener("click", function () {
      var key = th.getAttribute("data-sort");
      sortDir = key === sortKey ? -sortDir : 1;
      sortKey = key;
      renderTable();
    });
  });
  refresh();
})();
