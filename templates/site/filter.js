// The library's filter: the only script on the site. Without it every
// improvement stays listed. Filters start from the page address
// (index.html?team=payments&level=system&area=flow&status=proven&q=canary),
// so a filtered list can be linked to.
(function () {
  "use strict";
  var form = document.getElementById("filter");
  var list = document.getElementById("improvements");
  var count = document.getElementById("filter-count");
  if (!form || !list || !count) { return; }
  var fields = ["team", "level", "area", "status", "q"];
  var params = new URLSearchParams(window.location.search);
  fields.forEach(function (name) {
    var value = params.get(name);
    if (value !== null && form.elements[name]) { form.elements[name].value = value; }
  });
  var items = Array.prototype.slice.call(list.querySelectorAll("li[data-level]"));
  function apply() {
    var team = form.elements.team.value;
    var level = form.elements.level.value;
    var area = form.elements.area.value;
    var status = form.elements.status.value;
    var words = form.elements.q.value.toLowerCase().split(/\s+/).filter(Boolean);
    var shown = 0;
    items.forEach(function (item) {
      var text = item.getAttribute("data-text");
      var match = (!team || item.getAttribute("data-teams").split(" ").indexOf(team) >= 0) &&
        (!level || item.getAttribute("data-level") === level) &&
        (!area || item.getAttribute("data-area") === area) &&
        (!status || item.getAttribute("data-status") === status) &&
        words.every(function (word) { return text.indexOf(word) >= 0; });
      item.hidden = !match;
      if (match) { shown += 1; }
    });
    count.textContent = shown === items.length
      ? "Showing all " + items.length + " improvements."
      : "Showing " + shown + " of " + items.length + " improvements.";
  }
  form.addEventListener("input", apply);
  form.addEventListener("change", apply);
  form.addEventListener("reset", function () { window.setTimeout(apply, 0); });
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  form.hidden = false;
  apply();
}());
