// The ribbon button opens the task pane declaratively (ShowTaskpane); no commands run code yet.
Office.onReady(() => undefined);
