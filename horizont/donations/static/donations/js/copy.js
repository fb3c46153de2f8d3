// Copy buttons beside bank details: a progressive enhancement (the details are plain text
// that can be selected without JavaScript).
(function () {
  "use strict";
  if (!navigator.clipboard) {
    return;
  }
  document.querySelectorAll("[data-copy]").forEach(function (element) {
    if (element.dataset.copyReady) {
      return;
    }
    element.dataset.copyReady = "1";
    var labels = element.closest("[data-copy-label]");
    var label = labels ? labels.dataset.copyLabel : "Copy";
    var done = labels ? labels.dataset.copiedLabel : "Copied";
    var button = document.createElement("button");
    button.type = "button";
    button.className = "copy-button";
    button.textContent = label;
    button.setAttribute("aria-label", label + ": " + element.textContent.trim());
    button.addEventListener("click", function () {
      var value = element.dataset.copyValue || element.textContent.trim();
      navigator.clipboard.writeText(value).then(function () {
        button.textContent = done;
        window.setTimeout(function () {
          button.textContent = label;
        }, 2000);
      });
    });
    element.insertAdjacentElement("afterend", button);
  });
})();
