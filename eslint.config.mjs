// Lint holds the layers apart (see DESIGN.md "Shape of the code") and catches Office.js mistakes.
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import officeAddins from "eslint-plugin-office-addins";

const nodeBuiltins = ["fs", "path", "os", "child_process", "crypto", "stream", "zlib", "util", "url", "http", "https", "net", "buffer", "events", "worker_threads"];
const nodePatterns = [...nodeBuiltins, ...nodeBuiltins.map((m) => `node:${m}`), "node:*"];

/** The import rule for one layer: what it may not reach. */
function layer(files, forbidden, message) {
  return {
    files,
    rules: {
      "no-restricted-imports": ["error", { patterns: forbidden.map((group) => ({ group, message })) }],
    },
  };
}

export default tseslint.config(
  { ignores: ["node_modules/**", "dist/**", "build/**", "coverage/**", "test-results/**", "tmp/**", "tmp-*/**", "**/*.d.ts"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx}"],
    plugins: { "office-addins": officeAddins },
    rules: {
      "no-eval": "error",
      "no-new-func": "error",
      "no-implied-eval": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["src/excel/**/*.ts", "src/taskpane/**/*.{ts,tsx}"],
    rules: {
      "office-addins/call-sync-after-load": "error",
      "office-addins/call-sync-before-read": "error",
      "office-addins/load-object-before-read": "error",
      "office-addins/no-context-sync-in-loop": "error",
      "office-addins/no-empty-load": "error",
      "office-addins/test-for-null-using-isNullObject": "error",
    },
  },
  // Source lines a reader can take in without scrolling: 200 characters. Left whole, so they can be searched for:
  // a regular expression, a URL, and a line that is one string (a message the user reads, or a property or return of one).
  {
    files: ["src/**/*.{ts,tsx}"],
    rules: {
      "max-len": ["error", { code: 200, ignoreUrls: true, ignoreRegExpLiterals: true, ignorePattern: "^\\s*(?:return\\s+|[\\w$.]+:\\s*)?[`'\"].*[`'\"][,;)]*$" }],
    },
  },
  // src/core is pure domain logic: no Office.js, no React, no ExcelJS, no Node built-ins, no other layer.
  layer(
    ["src/core/**/*.ts"],
    [
      ["exceljs", "exceljs/*", "jszip", "react", "react-dom", "react/*", "@fluentui/*", "@microsoft/office-js", "office-js", "commander", ...nodePatterns],
      ["**/excel/**", "**/host/**", "**/taskpane/**", "**/cli/**", "../excel", "../host", "../taskpane", "../cli", "../../excel", "../../host", "../../taskpane", "../../cli"],
    ].flat().map((p) => [p]),
    "src/core is pure domain logic: it may not import Office.js, React, ExcelJS, Node built-ins or another layer.",
  ),
  // Nor may it reach Node's globals: the core runs in the task pane's browser bundle, where there is no process.
  {
    files: ["src/core/**/*.ts"],
    rules: { "no-restricted-globals": ["error", { name: "process", message: "src/core is pure: it runs in the browser, where there is no process." }] },
  },
  // src/excel talks to the Excel API and the core only.
  layer(
    ["src/excel/**/*.ts"],
    [["exceljs", "exceljs/*", "jszip", "react", "react-dom", "@fluentui/*", "**/host/**", "**/taskpane/**", "**/cli/**", ...nodePatterns]].flat().map((p) => [p]),
    "src/excel may use only the Excel JavaScript API and src/core.",
  ),
  // src/host is a headless Excel: it may not reach into the layers that use it.
  layer(
    ["src/host/**/*.ts"],
    [["react", "react-dom", "@fluentui/*", "**/excel/**", "**/taskpane/**", "**/cli/**", "jszip", ...nodePatterns]].flat().map((p) => [p]),
    "src/host implements the Excel API over .xlsx files; it may use src/core helpers but not src/excel, the pane or the CLI, no Node built-ins (it also runs in the browser), and no second zip library (packages are read by zipPackage.ts and written by zipWriter.ts).",
  ),
  // Everything in src/ may end up in the pane's bundle, which must parse in Safari 14.1 (src/taskpane/webviewTargets.json):
  // a regex look-behind cannot be transpiled and makes the whole bundle a syntax error there (a blank pane).
  {
    files: ["src/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-syntax": [
        "error",
        { selector: "Literal[regex.pattern=/\\(\\?<[=!]/]", message: "No regex look-behind: Safari before 16.4 cannot parse it. Match the character before instead." },
        { selector: "NewExpression[callee.name='RegExp'] > Literal[value=/\\(\\?<[=!]/]", message: "No regex look-behind: Safari before 16.4 cannot run it." },
        // Spreading a sheet's rows, a register's KPIs or a text's lines into a call passes one argument per item:
        // past about 100,000 the call stack overflows (a 130,000-row sheet did). Loop or reduce instead.
        { selector: "CallExpression[callee.property.name=/^(push|unshift|splice)$/] > SpreadElement", message: "No spreading into push/unshift/splice: a long array overflows the call stack. Use a loop." },
        { selector: "CallExpression[callee.object.name='Math'][callee.property.name=/^(max|min)$/] > SpreadElement", message: "No Math.max/min(...array): a long array overflows the call stack. Use reduce or a loop." },
      ],
    },
  },
  // Runs in web views too old for the bundle (see the file): ES5 only, which the parser enforces.
  {
    files: ["src/taskpane/webview-check.js"],
    languageOptions: { ecmaVersion: 5, sourceType: "script", globals: { window: "readonly", document: "readonly" } },
  },
  {
    files: ["scripts/**/*.{js,ts}", "bin/**/*.js", "*.config.{js,mjs}", "jest.config.js", "webpack.config.js"],
    languageOptions: { globals: { require: "readonly", module: "writable", process: "readonly", __dirname: "readonly", console: "readonly", Buffer: "readonly" } },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
);
