// The intake chat. A server-issued session kept in localStorage, so a reload continues the conversation.
// Text only through textContent. New messages go to the live region; a restored history does not.
(function () {
  "use strict";
  var KEY = "intake-session";
  var $ = function (id) { return document.getElementById(id); };
  var scroller = $("scroller"), history = $("history"), log = $("log"), form = $("composer"), input = $("input");
  var sendButton = $("send"), typing = $("typing"), status = $("status"), progress = $("progress");
  var progressBar = $("progress-bar"), progressLabel = $("progress-label");
  var busy = false;
  var NO_CONNECTION = "Je bericht is niet verstuurd: er ging iets mis met de verbinding.";
  var NO_ANSWER = "Er kwam geen antwoord op je bericht.";

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }
  function button(title, onClick, cls) {
    var b = el("button", cls || null, title);
    b.type = "button";
    b.addEventListener("click", onClick);
    return b;
  }
  function toBottom() { scroller.scrollTop = scroller.scrollHeight; }

  function showProgress(text) {
    var m = /Vraag (\d+) van (\d+)/.exec(text || "");
    if (!m) return;
    progress.hidden = false;
    progressBar.max = Number(m[2]);
    progressBar.value = Number(m[1]);
    progressLabel.textContent = "Vraag " + m[1] + " van " + m[2];
  }
  function progressDone() {
    progress.hidden = false;
    progressBar.value = progressBar.max;
    progressLabel.textContent = "Klaar";
  }

  // --- answers that fit the question ---------------------------------------------------------------
  function clearAnswers() {
    Array.prototype.forEach.call(document.querySelectorAll(".answers"), function (b) { b.remove(); });
    input.removeAttribute("inputmode");
    input.placeholder = "Typ je antwoord…";
  }

  function choiceGroup(label, titles, cls) {
    var group = el("div", "buttons " + (cls || ""));
    group.setAttribute("role", "group");
    group.setAttribute("aria-label", label);
    titles.forEach(function (title) { group.appendChild(button(title, function () { send(title); })); });
    return group;
  }

  function scaleGroup(spec) {
    var box = el("div", "scale");
    var titles = [];
    for (var i = spec.min; i <= spec.max; i++) titles.push(String(i));
    box.appendChild(choiceGroup("Kies een getal van " + spec.min + " (geen hinder) tot " + spec.max +
      " (heel veel hinder)", titles, "scale-buttons"));
    var ends = el("div", "scale-ends");
    ends.setAttribute("aria-hidden", "true");
    ends.appendChild(el("span", null, spec.min + " = geen hinder"));
    ends.appendChild(el("span", null, spec.max + " = heel veel"));
    box.appendChild(ends);
    return box;
  }

  function checkboxGroup(spec) {
    var set = el("fieldset", "checks");
    set.appendChild(el("legend", null, "Kies alles wat past (of niets)"));
    spec.options.forEach(function (option, i) {
      var id = "opt-" + spec.item + "-" + i;
      var row = el("div", "check");
      var box = el("input");
      box.type = "checkbox"; box.id = id; box.value = option;
      var label = el("label", null, option);
      label.htmlFor = id;
      row.appendChild(box); row.appendChild(label);
      set.appendChild(row);
    });
    set.appendChild(button("Klaar", function () {
      var chosen = Array.prototype.map.call(set.querySelectorAll("input:checked"), function (b) { return b.value; });
      send(chosen.length ? chosen.join(", ") : spec.none);
    }, "done"));
    return set;
  }

  // The lab report as PDF or photo, beside typing the names: a button that opens the file picker.
  function uploadControl(upload) {
    var group = el("div", "buttons upload");
    var picker = el("input");
    picker.type = "file";
    picker.accept = upload.accept;
    picker.hidden = true;
    picker.setAttribute("aria-hidden", "true");
    picker.tabIndex = -1;
    picker.addEventListener("change", function () {
      if (picker.files && picker.files[0]) sendFile(picker.files[0], upload);
    });
    group.appendChild(button(upload.label, function () { picker.click(); }, "upload-button"));
    group.appendChild(picker);
    return group;
  }

  // Draws what the question asks for after the last bot message; returns the first control to focus.
  function drawAnswers(target, buttons, spec) {
    var box = el("div", "answers");
    if (spec) box.dataset.item = spec.item;
    var titles = (buttons || []).filter(function (b) { return !b.url; }).map(function (b) { return b.title; });
    var kind = spec ? spec.kind : (titles.length ? "choice" : "text");
    if (kind === "checkboxes") box.appendChild(checkboxGroup(spec));
    else if (kind === "scale") box.appendChild(scaleGroup(spec));
    else if (titles.length) box.appendChild(choiceGroup("Antwoorden", titles));
    var known = titles.map(function (t) { return t.toLowerCase(); });
    var extras = ((spec && spec.extras) || []).filter(function (t) { return known.indexOf(t.toLowerCase()) < 0; });
    if (extras.length) box.appendChild(choiceGroup("Andere keuzes", extras, "extras"));
    if (spec && spec.upload) box.appendChild(uploadControl(spec.upload));
    if (kind === "number") {
      input.setAttribute("inputmode", spec.integer ? "numeric" : "decimal");
      input.placeholder = "Typ een getal";
    }
    if (box.childNodes.length || spec) target.appendChild(box);
    if (kind === "number" || kind === "text") return input;
    return box.querySelector("button, input") || input;
  }

  // --- the results card ------------------------------------------------------------------------------
  function bar(area) {
    var track = el("div", "track");
    track.setAttribute("role", "img");
    track.setAttribute("aria-label", area.label + ": " + area.band_label + " (" + area.figure + ")");
    area.zones.forEach(function (zone) {
      var z = el("span", "zone zone-" + zone.level);
      z.style.left = zone.start + "%";
      z.style.width = (zone.end - zone.start) + "%";
      z.dataset.level = zone.level;
      track.appendChild(z);
    });
    var fill = el("span", "fill");
    fill.style.width = area.position + "%";
    track.appendChild(fill);
    var marker = el("span", "marker");
    marker.style.left = area.position + "%";
    track.appendChild(marker);
    return track;
  }

  function legend() {
    var box = el("div", "legend");
    box.appendChild(el("p", null, "Hoe verder naar rechts, hoe hoger het risico."));
    var keys = el("ul", "keys");
    ["laag", "gemiddeld", "hoog"].forEach(function (word, level) {
      var item = el("li");
      var swatch = el("span", "swatch zone-" + level);
      swatch.setAttribute("aria-hidden", "true");
      item.appendChild(swatch);
      item.appendChild(document.createTextNode(word));
      keys.appendChild(item);
    });
    box.appendChild(keys);
    return box;
  }

  // The booking: a button to the clinic's booking page; with a red flag, the huisarts first and the clinic's
  // phone and e-mail for later, and no booking link.
  function bookingPart(booking) {
    var part = el("div", "booking");
    if (!booking.url) {
      part.classList.add("gp-first");
      part.appendChild(el("p", "booking-first", booking.label));
      part.appendChild(el("p", null, booking.text));
      var contact = el("p", "contact");
      var phone = el("a", "contact-link", booking.contact.phone);
      phone.href = "tel:" + booking.contact.phone.replace(/[^+0-9]/g, "");
      var mail = el("a", "contact-link", booking.contact.email);
      mail.href = "mailto:" + booking.contact.email;
      contact.appendChild(document.createTextNode(booking.clinic + ": "));
      contact.appendChild(phone);
      contact.appendChild(document.createTextNode(" of "));
      contact.appendChild(mail);
      part.appendChild(contact);
      part.appendChild(el("p", null, "Je referentie: " + booking.reference));
      return part;
    }
    part.appendChild(el("p", null, booking.text));
    var link = el("a", "booking-link");
    link.appendChild(document.createTextNode(booking.label + " "));
    link.appendChild(el("span", "nowrap", "(" + booking.reference + ")"));
    link.href = booking.url;
    link.target = "_blank";
    link.rel = "noopener";
    part.appendChild(link);
    return part;
  }

  function renderResults(view, target) {
    var box = el("section", "results");
    box.setAttribute("aria-labelledby", "results-title");
    var title = el("h2", null, "Je uitkomst");
    title.id = "results-title";
    title.tabIndex = -1;
    box.appendChild(title);
    if (view.red_flag_text) box.appendChild(el("p", "flag", view.red_flag_text));
    box.appendChild(legend());
    view.areas.forEach(function (a) {
      // A band rests on enough answers ("complete"): its bar, figure and why. Otherwise ("incomplete",
      // "not_computed") no bar: what its answers did raise, and what answering the rest would add.
      var complete = a.state === "complete";
      var area = el("div", "area " + (complete ? "level-" + a.level : "open"));
      area.dataset.state = a.state;
      if (complete) area.dataset.level = a.level;
      var head = el("h3");
      head.appendChild(el("span", null, a.label));
      head.appendChild(document.createTextNode(" "));  // read as "Darmflora verhoogd risico"
      head.appendChild(el("span", "band", a.band_label));
      area.appendChild(head);
      if (complete) {
        area.appendChild(bar(a));
        area.appendChild(el("p", "figure", a.figure));
        var why = el("p", "why");
        why.appendChild(el("strong", null, "Waarom? "));
        why.appendChild(document.createTextNode(a.why));
        area.appendChild(why);
      } else {
        if (a.found) area.appendChild(el("p", "found", a.found));
        if (a.missing) area.appendChild(el("p", "missing", a.missing));
      }
      area.appendChild(el("p", "basis", a.basis));
      box.appendChild(area);
    });
    if (view.advice.length) {
      box.appendChild(el("h3", "tips-title", "Tips voor jou"));
      var list = el("ol", "tips");
      view.advice.forEach(function (tip) {
        var item = el("li");
        item.appendChild(el("strong", null, tip.title + ". "));
        item.appendChild(document.createTextNode(tip.text));
        list.appendChild(item);
      });
      box.appendChild(list);
    }
    if (view.own_taxa && view.own_taxa.lines.length) {
      box.appendChild(el("h3", "tips-title", view.own_taxa.title));
      var own = el("ul", "own-taxa");
      view.own_taxa.lines.forEach(function (line) {
        var item = el("li");
        item.appendChild(el("strong", null, line.title + ". "));
        item.appendChild(document.createTextNode(line.text + " "));
        item.appendChild(el("span", "source", "Bron: " + line.sources.join("; ") + "."));
        own.appendChild(item);
      });
      box.appendChild(own);
    }
    box.appendChild(el("p", "disclaimer", view.no_diagnosis));
    box.appendChild(bookingPart(view.booking));
    var after = el("div", "buttons after");
    after.setAttribute("role", "group");
    after.setAttribute("aria-label", "Verder");
    view.actions.forEach(function (action) { after.appendChild(button(action.title, function () { send(action.send); })); });
    box.appendChild(after);
    target.appendChild(box);
    progressDone();
    return title;
  }

  // --- messages --------------------------------------------------------------------------------------
  // Renders one message; the last bot message of a turn also gets its answers. Returns what to focus.
  function render(message, target, last) {
    if (message.custom && message.custom.intake_results) return renderResults(message.custom.intake_results, target);
    if (message.text) {
      var bubble = el("div", "msg " + (message.from === "user" ? "user" : "bot"), message.text);
      if (message.from === "user") bubble.insertBefore(el("span", "visually-hidden", "Jij: "), bubble.firstChild);
      target.appendChild(bubble);
      if (message.from !== "user") showProgress(message.text);
    }
    var links = (message.buttons || []).filter(function (b) { return b.url; });
    links.forEach(function (b) {
      var a = el("a", "button-link", b.title);
      a.href = b.url; a.target = "_blank"; a.rel = "noopener";
      target.appendChild(a);
    });
    if (last && message.from !== "user") return drawAnswers(target, message.buttons, message.input);
    return null;
  }

  function renderTurn(messages, target) {
    var focus = null, lastBot = -1;
    messages.forEach(function (m, i) { if (m.from !== "user") lastBot = i; });
    messages.forEach(function (m, i) {
      var f = render(m, target, i === lastBot);
      if (f && (!focus || f.id === "results-title")) focus = f;
    });
    return focus;
  }

  function moveFocus(target) {
    if (!target) return;
    target.focus({ preventScroll: true });
    var card = target.closest(".results");
    if (card) scroller.scrollTop = card.getBoundingClientRect().top - scroller.getBoundingClientRect().top + scroller.scrollTop - 8;
    else toBottom();
  }

  // --- talking to the server -------------------------------------------------------------------------
  // A reply that does not come within this time counts as failed (the server gives up on a turn well before).
  var REPLY_TIMEOUT_MS = window.intakeReplyTimeoutMs || 60000;

  // Rejects with error.status (HTTP), error.timeout, or error.serverText (the server's own Dutch error, if any).
  function request(method, url, body, token) {
    var headers = { "Content-Type": "application/json" };
    if (token) headers.Authorization = "Bearer " + token;
    var controller = window.AbortController ? new AbortController() : null;
    var timer = controller ? setTimeout(function () { controller.abort(); }, REPLY_TIMEOUT_MS) : null;
    return fetch(url, { method: method, headers: headers, body: body ? JSON.stringify(body) : undefined,
                        signal: controller ? controller.signal : undefined })
      .then(function (r) {
        if (r.ok) return r.json();
        var e = new Error("HTTP " + r.status);
        e.status = r.status;
        return r.json().then(function (data) { e.serverText = errorText(data); throw e; },
                             function () { throw e; });
      }, function (error) {
        if (error && error.name === "AbortError") error.timeout = true;
        throw error;
      })
      .finally(function () { if (timer) clearTimeout(timer); });
  }

  // The server's Dutch error in a reply ([{text, retry: true}]), or null.
  function errorText(data) {
    if (!Array.isArray(data)) return null;
    var marked = data.filter(function (m) { return m && m.retry && m.text; });
    return marked.length ? marked[0].text : null;
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
    sendButton.setAttribute("aria-disabled", on ? "true" : "false");
    form.classList.toggle("busy", on);
    status.textContent = on ? "De assistent typt…" : "";
    if (on) toBottom();
  }

  function forget() {
    localStorage.removeItem(KEY);
    history.textContent = "";
    log.textContent = "";
    progress.hidden = true;
  }

  // The message did not get its answer: an error bubble with "Opnieuw versturen", and the text back in the field.
  function failed(text, bubble, why) {
    if (bubble) bubble.remove();
    if (!input.value) input.value = text;
    var notice = el("div", "msg bot error");
    notice.setAttribute("role", "alert");
    notice.appendChild(el("p", null, why + " Je eerdere antwoorden zijn bewaard."));
    var retry = button("Opnieuw versturen", function () {
      notice.remove();
      if (input.value === text) input.value = "";
      send(text);
    });
    notice.appendChild(retry);
    log.appendChild(notice);
    toBottom();
    retry.focus();
  }

  // Sends one answer. While a reply is pending nothing is sent and nothing typed is lost.
  function send(text, start) {
    text = (text || "").trim();
    if (!text) return false;
    if (busy) {
      status.textContent = "Even geduld: de assistent antwoordt nog. Je tekst blijft staan.";
      return false;
    }
    var hadFocus = document.activeElement && document.activeElement.closest(".answers, .results");
    clearAnswers();
    if (hadFocus && !document.body.contains(hadFocus)) scroller.focus({ preventScroll: true });  // never the body
    var bubble = null;
    if (!start) {
      bubble = el("div", "msg user", text);
      bubble.insertBefore(el("span", "visually-hidden", "Jij: "), bubble.firstChild);
      log.appendChild(bubble);
    }
    setBusy(true);
    session().then(function (token) {
      var body = { sender: token, message: text };
      if (start) body.start = true;
      return request("POST", "/webhooks/rest/webhook", body).catch(function (error) {
        if (error.status === 403) { localStorage.removeItem(KEY); }
        throw error;
      });
    }).then(function (messages) {
      setBusy(false);
      var serverError = errorText(messages);
      if (serverError || !messages.length) {  // the turn was not completed: nothing of it was kept
        failed(text, bubble, serverError || NO_ANSWER);
        return;
      }
      if (messages[0].deleted) forget();
      moveFocus(renderTurn(messages, log));
    }).catch(function (error) {
      setBusy(false);
      var why = error.serverText || (error.timeout || error.status >= 500 ? NO_ANSWER : NO_CONNECTION);
      failed(text, bubble, why);
    });
    return true;
  }

  // Sends the lab report. The server reads it and never stores it; its answer is drawn like any other turn.
  function sendFile(file, upload) {
    if (busy) {
      status.textContent = "Even geduld: de assistent antwoordt nog.";
      return;
    }
    if (file.size > upload.max_bytes) {
      var big = el("div", "msg bot error", "Dit bestand is groter dan " + Math.round(upload.max_bytes / 1048576) +
        " MB. Stuur een kleiner bestand, bijvoorbeeld een foto van alleen de pagina met de bacteriën.");
      big.setAttribute("role", "alert");
      log.appendChild(big);
      toBottom();
      return;
    }
    clearAnswers();
    scroller.focus({ preventScroll: true });
    var bubble = el("div", "msg user", upload.text);
    bubble.insertBefore(el("span", "visually-hidden", "Jij: "), bubble.firstChild);
    log.appendChild(bubble);
    setBusy(true);
    status.textContent = "De assistent leest je uitslag…";
    session().then(function (token) {
      var body = new FormData();
      body.append("sender", token);
      body.append("file", file);
      return fetch("/webhooks/rest/upload", { method: "POST", body: body });
    }).then(function (r) {
      if (r.status === 401 || r.status === 403) { localStorage.removeItem(KEY); throw new Error("HTTP " + r.status); }
      if (!r.ok && r.status !== 413 && r.status !== 415) throw new Error("HTTP " + r.status);
      return r.json();
    }).then(function (messages) {
      setBusy(false);
      moveFocus(renderTurn(messages, log));
    }).catch(function () {
      setBusy(false);
      bubble.remove();
      var notice = el("div", "msg bot error");
      notice.setAttribute("role", "alert");
      notice.appendChild(el("p", null, "Je uitslag is niet verstuurd: er ging iets mis met de verbinding."));
      var retry = button("Opnieuw versturen", function () { notice.remove(); sendFile(file, upload); });
      notice.appendChild(retry);
      log.appendChild(notice);
      toBottom();
      retry.focus();
    });
  }

  function start() { send("hallo", true); }

  function restore() {
    var token = localStorage.getItem(KEY);
    if (!token) { start(); return; }
    fetch("/webhooks/rest/history", { headers: { Authorization: "Bearer " + token } })
      .then(function (r) {
        if (r.status === 403) { localStorage.removeItem(KEY); throw new Error("stale session"); }
        return r.json();
      })
      .then(function (messages) {
        if (!messages.length) { start(); return; }
        moveFocus(renderTurn(messages, history));
        toBottom();
      })
      .catch(function () { start(); });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var text = input.value;
    if (send(text)) input.value = "";
  });
  restore();
})();
