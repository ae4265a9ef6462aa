// The ribbon's buttons open the task pane declaratively (ShowTaskpane); no commands run code yet.
// "Use selection as KPI table" opens the same pane (same TaskpaneId) at taskpane.html?start=use-selection,
// which the pane reads (src/taskpane/startIntent.ts) to scan and then offer the selection as a KPI table.
// Guarded: outside Office office.js is absent.
if (typeof Office !== "undefined") Office.onReady(() => undefined);
