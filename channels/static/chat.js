// The intake chat: a server-issued session kept in localStorage, so a reload continues the conversation.
(function () {
  "use strict";
  var KEY = "intake-session";
  var log = document.getElementById("log");
  var form = document.getElementById("composer");
  var input = document.getElementById("input");
  var typing = document.getElementById("typing");
  var status = document.getElementById("status");
  var progress = document.getElementById("progress");
  var progressBar = document.getElementById("progress-bar");
  var progressLabel = document.getElementById("progress-label");
  var busy = false;

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined) node.textContent = text;
    return node;
  }
  function scroll() { log.scrollTop = log.scrollHeight; }

  function showProgress(text) {
    var m = /Vraag (\d+) van (\d+)/.exec(text || "");
    if (!m) return;
    progress.hidden = false;
    progressBar.max = Number(m[2]);
    progressBar.value = Number(m[1]);
    progressLabel.textContent = "Vraag " + m[1] + " van " + m[2];
  }

  function clearButtons() {
    Array.prototype.forEach.call(log.querySelectorAll(".buttons.choice"), function (b) { b.remove(); });
  }

  function renderResults(view) {
    var box = el("section", "results");
    box.setAttribute("aria-label", "Je uitkomst");
    box.appendChild(el("h2", null, "Je uitkomst in één oogopslag"));
    if (view.red_flag) box.appendChild(el("p", "flag", "Bespreek je klachten eerst met je huisarts."));
    view.areas.forEach(function (a) {
      var area = el("div", "area level-" + a.level);
      var row = el("div", "row");
      row.appendChild(el("span", null, a.label + ": " + a.value + " " + a.unit));
      row.appendChild(el("span", "band", a.band_label));
      area.appendChild(row);
      var bar = el("div", "bar");
      var fill = el("span");
      fill.style.width = Math.max(2, Math.min(100, Math.round(100 * a.value / a.max))) + "%";
      bar.appendChild(fill);
      bar.setAttribute("role", "img");
      bar.setAttribute("aria-label", a.label + ": " + a.value + " van " + a.max + " " + a.unit + ", " + a.band_label);
      area.appendChild(bar);
      box.appendChild(area);
    });
    if (view.advice.length) {
      box.appendChild(el("h2", null, "Tips voor jou"));
      var list = el("ol");
      view.advice.forEach(function (tip) {
        var item = el("li");
        item.appendChild(el("strong", null, tip.title + ": "));
        item.appendChild(document.createTextNode(tip.text));
        list.appendChild(item);
      });
      box.appendChild(list);
    }
    var link = el("a", "button-link booking", view.booking.label + " (" + view.booking.reference + ")");
    link.href = view.booking.url;
    link.target = "_blank";
    link.rel = "noopener";
    box.appendChild(link);
    log.appendChild(box);
  }

  function render(message, live) {
    if (message.custom && message.custom.intake_results) { renderResults(message.custom.intake_results); return; }
    if (message.text) {
      log.appendChild(el("div", "msg " + (message.from === "user" ? "user" : "bot"), message.text));
      if (message.from !== "user") showProgress(message.text);
    }
    if (message.buttons && message.buttons.length) {
      var group = el("div", "buttons" + (live ? " choice" : ""));
      group.setAttribute("role", "group");
      group.setAttribute("aria-label", "Keuzes");
      message.buttons.forEach(function (b) {
        if (b.url) {
          var a = el("a", "button-link", b.title);
          a.href = b.url; a.target = "_blank"; a.rel = "noopener";
          group.appendChild(a);
        } else if (live) {
          var button = el("button", null, b.title);
          button.type = "button";
          button.addEventListener("click", function () { send(b.payload || b.title); });
          group.appendChild(button);
        }
      });
      if (group.childNodes.length) log.appendChild(group);
    }
  }

  function request(method, url, body) {
    var headers = { "Content-Type": "application/json" };
    return fetch(url, { method: method, headers: headers, body: body ? JSON.stringify(body) : undefined })
      .then(function (r) { if (!r.ok) throw new Error("HTTP " + r.status); return r.json(); });
  }

  function session() {
    var token = localStorage.getItem(KEY);
    if (token) return Promise.resolve(token);
    return request("POST", "/webhooks/rest/session").then(function (data) {
      localStorage.setItem(KEY, data.session);
      return data.session;
    });
  }

  function setBusy(on) {
    busy = on;
    typing.hidden = !on;
    status.textContent = on ? "De assistent typt…" : "";
    if (on) scroll();
  }

  function send(text) {
    if (busy || !text) return;
    clearButtons();
    render({ from: "user", text: text }, false);
    setBusy(true);
    session().then(function (token) {
      return request("POST", "/webhooks/rest/webhook", { sender: token, message: text });
    }).then(function (messages) {
      setBusy(false);
      var last = messages.length - 1;
      messages.forEach(function (m, i) { render(m, i === last || !!(m.buttons && m.buttons.length)); });
      scroll();
      input.focus();
    }).catch(function () {
      setBusy(false);
      render({ from: "bot", text: "Er ging iets mis met de verbinding. Probeer het zo nog eens; je antwoorden zijn bewaard." }, false);
      
    });
  }

  function restore() {
    var token = localStorage.getItem(KEY);
    if (!token) { send("hallo"); return; }
    fetch("/webhooks/rest/history", { headers: { Authorization: "Bearer " + token } })
      .then(function (r) {
        if (r.status === 403) { localStorage.removeItem(KEY); throw new Error("stale session"); }
        return r.json();
      })
      .then(function (messages) {
        if (!messages.length) { send("hallo"); return; }
        messages.forEach(function (m, i) { render(m, i === messages.length - 1); });
        scroll();
      })
      .catch(function () { send("hallo"); });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var text = input.value.trim();
    input.value = "";
    send(text);
  });
  restore();
  input.focus();
})();
