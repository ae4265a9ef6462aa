// Who the add-in is to Excel: manifest.xml's <Id> and <Version>. Excel keeps an add-in's settings in the
// workbook under a web extension whose reference names that id (Office stores settings per add-in and file:
// office-js-docs-pr docs/develop/persisting-add-in-state-and-settings.md), so whatever writes settings into a
// file (the command line's copies) must name it too, or the deployed add-in never sees them.
// tests/manifest.test.ts holds these equal to manifest.xml.
export const ADDIN_ID = "2fa87b45-96f9-4206-8125-6eecf05b5c68";
export const ADDIN_VERSION = "1.0.0.0";
