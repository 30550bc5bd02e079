// Embed the intake chat on a clinic website with one tag:
//   <script src="https://ASSISTANT-HOST/chat/embed.js" async></script>
// The site's origin must be listed in CHAT_ALLOWED_ORIGINS on the assistant.
(function () {
  "use strict";
  var script = document.currentScript;
  var origin = new URL(script.src).origin;
  var open = false;
  var button = document.createElement("button");
  button.type = "button";
  button.textContent = "Start je intake";
  button.setAttribute("aria-expanded", "false");
  button.style.cssText = "position:fixed;right:1rem;bottom:1rem;z-index:2147483000;padding:.7rem 1.1rem;" +
    "border:0;border-radius:2rem;background:#0b6e68;color:#fff;font:16px system-ui,sans-serif;cursor:pointer";
  var frame = document.createElement("iframe");
  frame.title = "Intake-assistent";
  frame.src = origin + "/chat";
  frame.hidden = true;
  frame.style.cssText = "position:fixed;right:1rem;bottom:4.5rem;z-index:2147483000;width:min(26rem,calc(100vw - 2rem));" +
    "height:min(40rem,calc(100vh - 6rem));border:1px solid #ccd;border-radius:1rem;background:#fff;box-shadow:0 8px 24px rgba(0,0,0,.2)";
  button.addEventListener("click", function () {
    open = !open;
    frame.hidden = !open;
    button.setAttribute("aria-expanded", String(open));
    button.textContent = open ? "Sluit de intake" : "Start je intake";
    if (open) frame.focus();
  });
  document.body.appendChild(frame);
  document.body.appendChild(button);
})();
