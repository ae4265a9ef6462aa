/* Runs before office.js and the pane's bundle, written in ES5 so that even the oldest web view runs it.
 * Excel on an older Mac (Safari before 14.1) or an old Office on Windows (Internet Explorer or Edge Legacy
 * web views) cannot run the pane: instead of a blank pane, say so in plain words. Two checks:
 * - before: the features the bundle needs and cannot carry itself (Fluent UI's focus manager needs WeakRef);
 * - after: if the page has loaded and the bundle never said it started (it could not be parsed or fetched).
 * The bundle marks its start with window.kpiScorecardStarted and stops if window.kpiScorecardUnsupported is set. */
(function () {
  "use strict";
  var MINIMUM = "Safari 14.1";

  function missingFeatures() {
    var missing = [];
    var w = window;
    if (typeof w.WeakRef !== "function") missing.push("WeakRef");
    if (typeof w.Promise !== "function" || typeof w.Promise.allSettled !== "function") missing.push("Promise.allSettled");
    if (typeof w.ResizeObserver !== "function") missing.push("ResizeObserver");
    if (typeof String.prototype.matchAll !== "function") missing.push("String.matchAll");
    if (typeof Object.fromEntries !== "function") missing.push("Object.fromEntries");
    if (typeof Array.prototype.flatMap !== "function") missing.push("Array.flatMap");
    if (typeof w.queueMicrotask !== "function") missing.push("queueMicrotask");
    return missing;
  }

  function show(title, detail) {
    var render = function () {
      var container = document.getElementById("container") || document.body;
      if (!container) return;
      while (container.firstChild) container.removeChild(container.firstChild);
      var box = document.createElement("div");
      box.setAttribute("role", "alert");
      box.setAttribute("data-testid", "webview-unsupported");
      box.style.padding = "12px";
      box.style.fontSize = "14px";
      box.style.lineHeight = "1.4";
      var h = document.createElement("h1");
      h.style.fontSize = "16px";
      h.appendChild(document.createTextNode(title));
      box.appendChild(h);
      var lines = [
        detail,
        "On a Mac: update macOS and Safari (" + MINIMUM + " or later), then reopen Excel.",
        "On Windows: update Office; current Office shows add-ins with Microsoft Edge WebView2.",
        "Or open the workbook in Excel on the web in a current browser. Your workbook was not changed."
      ];
      for (var i = 0; i < lines.length; i++) {
        var p = document.createElement("p");
        p.appendChild(document.createTextNode(lines[i]));
        box.appendChild(p);
      }
      container.appendChild(box);
    };
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", render);
    else render();
  }

  var missing = missingFeatures();
  if (missing.length > 0) {
    window.kpiScorecardUnsupported = missing;
    show("KPI Scorecard cannot run in this version of Office", "The web view this Office shows add-ins in is too old (it lacks " + missing.join(", ") + ").");
    return;
  }
  window.addEventListener("load", function () {
    if (!window.kpiScorecardStarted) {
      show("KPI Scorecard could not start", "Its program did not load or could not run in the web view this Office shows add-ins in.");
    }
  });
})();
