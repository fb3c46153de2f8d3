// Progressive enhancement only: the embed snippet can be selected and copied by hand.
(function () {
  "use strict";
  document.querySelectorAll("textarea[data-copy-label]").forEach(function (area) {
    if (!navigator.clipboard) { return; }
    var button = document.createElement("button");
    button.type = "button";
    button.textContent = area.dataset.copyLabel;
    var status = document.createElement("span");
    status.setAttribute("role", "status");
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(area.value).then(function () {
        status.textContent = " " + area.dataset.copiedLabel;
      });
    });
    area.insertAdjacentElement("afterend", status);
    area.insertAdjacentElement("afterend", button);
  });
})();
