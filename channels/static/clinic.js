// The clinic's staff page: sign in with the clinic token (the server answers with a short-lived HttpOnly
// cookie), list and filter the intakes, open one, download it, sign out. Text only through textContent.
(function () {
  "use strict";
  var $ = function (id) { return document.getElementById(id); };
  var signin = $("signin"), list = $("list"), rows = $("rows"), count = $("count"), error = $("signin-error");

  function el(tag, text) {
    var node = document.createElement(tag);
    if (text !== undefined) node.textContent = text;
    return node;
  }
  function link(text, href, label) {
    var a = el("a", text);
    a.href = href;
    if (label) a.setAttribute("aria-label", label);
    return a;
  }

  function show(signedIn) {
    signin.hidden = signedIn;
    list.hidden = !signedIn;
    if (signedIn) load(); else $("token").focus();
  }

  function load() {
    var params = new URLSearchParams();
    ["since", "until", "booking"].forEach(function (name) { if ($(name).value) params.set(name, $(name).value); });
    if ($("red_flag").checked) params.set("red_flag", "1");
    fetch("/clinic/intakes?" + params.toString(), { credentials: "same-origin" }).then(function (r) {
      if (r.status === 401) { show(false); throw new Error("signed out"); }
      if (!r.ok) throw new Error("HTTP " + r.status);
      return r.json();
    }).then(function (intakes) {
      rows.textContent = "";
      intakes.forEach(function (intake) {
        var tr = el("tr");
        if (intake.alert) tr.className = "alert";
        tr.appendChild(el("td", intake.completed_local));
        var ref = el("td");
        ref.appendChild(link(intake.reference, "/clinic/intakes/" + intake.reference + "?format=html",
          "Open intake " + intake.reference));
        tr.appendChild(ref);
        intake.patient.forEach(function (value) { tr.appendChild(el("td", value)); });
        intake.bands.forEach(function (band) {  // the areas, in the words of the report
          var td = el("td", band.band);
          td.className = "band-" + (band.state === "complete" ? "level-" + band.level : band.state);
          tr.appendChild(td);
        });
        var flags = el("td", intake.flags.length ? intake.flags.join(", ") : "geen");
        if (intake.flags.length) flags.className = "flags";
        tr.appendChild(flags);
        tr.appendChild(el("td", intake.booking_label));
        var downloads = el("td");
        downloads.appendChild(link("PDF", "/clinic/intakes/" + intake.reference + "?format=pdf",
          "PDF van " + intake.reference));
        downloads.appendChild(document.createTextNode(" · "));
        downloads.appendChild(link("FHIR", "/clinic/intakes/" + intake.reference + "?format=fhir",
          "FHIR van " + intake.reference));
        tr.appendChild(downloads);
        rows.appendChild(tr);
      });
      count.textContent = intakes.length === 1 ? "1 intake" : intakes.length + " intakes";
    }).catch(function () {});
  }

  $("signin-form").addEventListener("submit", function (event) {
    event.preventDefault();
    error.textContent = "";
    fetch("/clinic/session", {
      method: "POST", credentials: "same-origin", headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ token: $("token").value })
    }).then(function (r) {
      $("token").value = "";
      if (r.ok) { show(true); $("list-title").focus(); return; }
      error.textContent = r.status === 429 ? "Te veel mislukte pogingen. Probeer het over een paar minuten opnieuw."
        : "Dat token klopt niet.";
      $("token").focus();
    });
  });
  $("filters").addEventListener("submit", function (event) { event.preventDefault(); load(); });
  $("signout").addEventListener("click", function () {
    fetch("/clinic/signout", { method: "POST", credentials: "same-origin" }).then(function () {
      rows.textContent = "";
      show(false);
    });
  });
  $("list-title").tabIndex = -1;
  fetch("/clinic/session", { credentials: "same-origin" })
    .then(function (r) { return r.json(); })
    .then(function (state) { show(state.signed_in === true); });
})();
