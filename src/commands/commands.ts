// The ribbon button opens the task pane declaratively (ShowTaskpane); no commands run code yet.
// Guarded: outside Office office.js is absent.
if (typeof Office !== "undefined") Office.onReady(() => undefined);
