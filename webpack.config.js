// The add-in's web build, in the layout of Microsoft's Office-Addin-TaskPane-React template:
// taskpane and commands entries, HTML pages, the manifest and assets copied into dist/, and the dev
// server on https://localhost:3000 with Office's development certificates.
const path = require("path");
const webpack = require("webpack");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");

const { WEBVIEW_TARGETS } = require("./src/taskpane/webviewTargets.json");

const urlDev = "https://localhost:3000/";

/**
 * Where the add-in is hosted: the deployable build (`npm run build:addin`) rewrites the manifest's localhost URLs
 * to ADDIN_PROD_URL, and fails without it rather than point the manifest at a domain nobody here controls.
 * The preview's build (`--env local`: `npm run build`, the e2e tests) emits no manifest at all.
 */
function productionUrl() {
  const url = process.env.ADDIN_PROD_URL;
  if (!url) {
    throw new Error(
      "ADDIN_PROD_URL is not set. The deployable build points the manifest at the address the add-in is served from:\n" +
        "  ADDIN_PROD_URL=https://kpi-scorecard.your-council.gov.uk/ npm run build:addin\n" +
        "(npm run build makes the command line and the browser preview, with no manifest.)",
    );
  }
  if (!/^https:\/\/[^/\s]+\/([^\s]*\/)?$/.test(url)) throw new Error(`ADDIN_PROD_URL must be an https:// address ending in "/", such as https://kpi-scorecard.your-council.gov.uk/ (it is "${url}").`);
  return url;
}

/** Office's development certificates, or null (with a clear message) where they cannot be installed. */
async function httpsOptions() {
  try {
    const devCerts = require("office-addin-dev-certs");
    const o = await devCerts.getHttpsServerOptions();
    return { ca: o.ca, key: o.key, cert: o.cert };
  } catch (e) {
    console.warn(
      "\nkpi-scorecard: could not install the development certificates for https://localhost:3000 " +
        `(${e && e.message ? e.message : e}).\n` +
        "  Office needs https to load the add-in. Run `npx office-addin-dev-certs install` as a user who may trust certificates,\n" +
        "  or use the browser preview, which this server now offers over http://localhost:3000/taskpane.html.\n",
    );
    return null;
  }
}

/**
 * ExcelJS's browser build carries a setImmediate polyfill that turns a string argument into code with
 * new Function(). Nothing of ours passes a string, so that branch becomes an error: the bundle holds no
 * eval-like call (the e2e test checks every .js in dist/).
 */
const noStringSetImmediate = {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("NoStringSetImmediate", (compilation) => {
      compilation.hooks.processAssets.tap({ name: "NoStringSetImmediate", stage: webpack.Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_INLINE }, (assets) => {
        for (const name of Object.keys(assets)) {
          if (!name.endsWith(".js")) continue;
          const src = assets[name].source().toString();
          const out = src
            .replace(/new Function\(""\+(\w)\)/g, '(function(){throw new TypeError("setImmediate needs a function")})')
            // lodash's and regenerator's fallbacks for finding the global object: globalThis is always there.
            .replace(/Function\("return this"\)\(\)/g, "globalThis")
            .replace(/Function\("r","regeneratorRuntime = r"\)/g, "(function(r){globalThis.regeneratorRuntime=r})");
          if (out !== src) compilation.updateAsset(name, new webpack.sources.RawSource(out));
        }
      });
    });
  },
};

module.exports = async (env, options) => {
  const dev = options.mode === "development";
  const serving = !!(env && env.WEBPACK_SERVE);
  const local = !!(env && env.local);
  // A deployable build, and only one, needs the address it will be served from.
  const urlProd = dev || local ? urlDev : productionUrl();
  const https = serving ? await httpsOptions() : null;
  return {
    // Source maps as separate files: no eval() in any bundle, dev or production.
    devtool: "source-map",
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      commands: "./src/commands/commands.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].[contenthash:8].js",
      chunkFilename: "[name].[contenthash:8].js",
      clean: true,
      publicPath: "",
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js", ".jsx", ".json"],
      // ExcelJS's browser build carries its own Node shims; only the browser preview loads it, lazily.
      alias: { exceljs$: path.resolve(__dirname, "node_modules/exceljs/dist/exceljs.min.js") },
      fallback: { fs: false, path: false, stream: false, crypto: false, zlib: false, os: false },
    },
    // webpack's own runtime code in the oldest web view too (no arrow functions beyond what it allows, no optional chaining).
    target: ["web", "es2020"],
    module: {
      rules: [
        {
          // Our TypeScript, lowered to the oldest web view the add-in runs in (webviewTargets.json). ES modules are
          // kept so that import() splits the preview (and ExcelJS) into its own chunk; types are checked by `npm run lint`.
          test: /\.ts$/,
          exclude: /node_modules/,
          loader: "esbuild-loader",
          options: { loader: "ts", target: WEBVIEW_TARGETS },
        },
        {
          test: /\.tsx$/,
          exclude: /node_modules/,
          loader: "esbuild-loader",
          options: { loader: "tsx", target: WEBVIEW_TARGETS, jsx: "automatic" },
        },
        {
          // Libraries too: Fluent's tabster ships class `static {}` blocks, which Safari before 16.4 cannot parse (a blank pane).
          test: /\.m?js$/,
          include: /node_modules/,
          loader: "esbuild-loader",
          options: { loader: "js", target: WEBVIEW_TARGETS },
        },
      ],
    },
    plugins: [
      noStringSetImmediate,
      new webpack.DefinePlugin({ "process.env.NODE_ENV": JSON.stringify(dev ? "development" : "production") }),
      new HtmlWebpackPlugin({ filename: "taskpane.html", template: "./src/taskpane/taskpane.html", chunks: ["taskpane"] }),
      new HtmlWebpackPlugin({ filename: "commands.html", template: "./src/commands/commands.html", chunks: ["commands"] }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets", to: "assets", globOptions: { ignore: ["**/.DS_Store"] } },
          { from: "src/support/support.html", to: "support.html" },
          { from: "src/taskpane/webview-check.js", to: "webview-check.js" },
          // The manifest goes with a deployable build only: a preview build's would point at localhost.
          ...(local
            ? []
            : [
                {
                  from: "manifest*.xml",
                  to: "[name][ext]",
                  transform(content) {
                    return dev ? content : Buffer.from(content.toString().replace(new RegExp(urlDev, "g"), urlProd).replace(/https:\/\/localhost:3000/g, urlProd.replace(/\/$/, "")));
                  },
                },
              ]),
        ],
      }),
    ],
    // webpack's `global` shim is built with new Function("return this"); the browser has globalThis.
    node: { global: false },
    performance: { hints: false },
    devServer: {
      static: { directory: path.resolve(__dirname, "dist") },
      headers: { "Access-Control-Allow-Origin": "*" },
      server: https ? { type: "https", options: https } : { type: "http" },
      port: process.env.npm_package_config_dev_server_port || 3000,
    },
  };
};
