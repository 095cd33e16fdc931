// Search as you type: suggestions from /api/search under the search field. Without JavaScript
// the form still submits to /search; with it, arrow keys move through the suggestions.
"use strict";
(function () {
  function setup(input) {
    var list = document.getElementById(input.getAttribute("aria-controls"));
    var endpoint = input.getAttribute("data-suggest");
    var timer = null, current = -1, seq = 0;
    function close() {
      list.hidden = true; list.textContent = ""; current = -1;
      input.setAttribute("aria-expanded", "false"); input.removeAttribute("aria-activedescendant");
    }
    function show(items) {
      list.textContent = "";
      items.forEach(function (item, i) {
        var li = document.createElement("li");
        li.setAttribute("role", "presentation");
        var a = document.createElement("a");
        a.href = item.url; a.id = list.id + "-" + i; a.setAttribute("role", "option");
        a.textContent = item.label;
        if (item.type) {
          var type = document.createElement("span");
          type.className = "type"; type.textContent = " – " + item.type; a.appendChild(type);
        }
        li.appendChild(a); list.appendChild(li);
      });
      list.hidden = items.length === 0;
      input.setAttribute("aria-expanded", items.length ? "true" : "false");
    }
    function move(step) {
      var options = list.querySelectorAll("a");
      if (!options.length) return;
      if (current >= 0) options[current].removeAttribute("aria-selected");
      current = (current + step + options.length) % options.length;
      options[current].setAttribute("aria-selected", "true");
      input.setAttribute("aria-activedescendant", options[current].id);
    }
    input.addEventListener("input", function () {
      clearTimeout(timer);
      var q = input.value.trim();
      if (!q) { close(); return; }
      timer = setTimeout(function () {
        var mine = ++seq;
        var url = endpoint + (endpoint.indexOf("?") < 0 ? "?" : "&") + "q=" + encodeURIComponent(q);
        fetch(url, { headers: { Accept: "application/json" } })
          .then(function (r) { return r.ok ? r.json() : []; })
          .then(function (items) { if (mine === seq) show(Array.isArray(items) ? items : []); })
          .catch(close);
      }, 150);
    });
    input.addEventListener("keydown", function (e) {
      if (e.key === "ArrowDown") { move(1); e.preventDefault(); }
      else if (e.key === "ArrowUp") { move(-1); e.preventDefault(); }
      else if (e.key === "Escape") { close(); }
      else if (e.key === "Enter" && current >= 0) {
        var options = list.querySelectorAll("a");
        e.preventDefault(); window.location.href = options[current].href;
      }
    });
    document.addEventListener("click", function (e) {
      if (!list.contains(e.target) && e.target !== input) close();
    });
  }
  document.addEventListener("DOMContentLoaded", function () {
    var inputs = document.querySelectorAll("input[data-suggest]");
    for (var i = 0; i < inputs.length; i++) setup(inputs[i]);
  });
})();
