/**
 * Webpack configuration, modelled on Microsoft's "Excel Task Pane React
 * TypeScript" template (generator-office), with esbuild-loader instead of
 * babel/ts-loader.
 *
 *   npm run build        production build into dist/
 *   npm run build:dev    development build into dist/
 *   npm run dev-server   https://localhost:3000 (webpack serve)
 *
 * Production URL: the manifest in dist/ has every https://localhost:3000/ URL
 * replaced by the value of the environment variable ADDIN_PUBLIC_URL (an https
 * URL ending in "/", e.g. https://example.org/phuluc-nq57/). A production build
 * without it fails, rather than ship a manifest pointing at a placeholder;
 * `--env offline` (npm run build:web) builds the pages without any manifest,
 * for the offline web page alone.
 *
 * dist/cli/ is the command line, built by scripts/build-cli.js: webpack's
 * cleaning of dist/ leaves it alone.
 */
"use strict";

const path = require("node:path");
const webpack = require("webpack");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const { DEV_URL, normaliseProdUrl, rewriteManifestUrls } = require("./scripts/manifest-urls");

const DEV_PORT = Number(process.env.npm_package_config_dev_server_port || 3000);

/** Node modules that must never be part of the start-up (entry) chunks. */
const LAZY_ONLY_MODULES = [
  /[\\/]node_modules[\\/](exceljs|fflate|saxes)[\\/]/,
  /[\\/]src[\\/]hosts[\\/]file[\\/](package[\\/]|read\.ts|apply\.ts|host\.ts)/,
  // Word: the writer library and our reader load only when a .docx is opened or exported.
  /[\\/]node_modules[\\/]docx[\\/]/,
  /[\\/]src[\\/]hosts[\\/]docx[\\/](read|body|sheets|numbering|xml|parts|export|host)\.ts$/,
];

/**
 * Fails the build when a module matching LAZY_ONLY_MODULES ends up in a chunk
 * loaded at start-up by an entry point (they must be loaded with import()).
 */
class StartupBundleGuard {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("StartupBundleGuard", (compilation) => {
      compilation.hooks.afterSeal.tap("StartupBundleGuard", () => {
        for (const [entryName, entrypoint] of compilation.entrypoints) {
          for (const chunk of entrypoint.chunks) {
            for (const mod of compilation.chunkGraph.getChunkModulesIterable(chunk)) {
              const inner = mod.modules ? [...mod.modules] : [mod]; // concatenated modules
              for (const m of inner) {
                const resource = m.resource || "";
                if (LAZY_ONLY_MODULES.some((re) => re.test(resource))) {
                  compilation.errors.push(
                    new webpack.WebpackError(
                      `StartupBundleGuard: ${path.relative(__dirname, resource)} is in the start-up bundle of "${entryName}". Load it with import() instead.`,
                    ),
                  );
                  return;
                }
              }
            }
          }
        }
      });
    });
  }
}

/**
 * Emits dist/mau/*.xlsx, the sample workbooks the help page and the web page link to:
 * scripts/sample-workbook.ts, bundled with esbuild and run here, inserts the appendices
 * with the product's own code, so a sample always shows what this version inserts.
 * Made once per process (a dev server's rebuilds reuse them).
 */
class SampleWorkbookPlugin {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("SampleWorkbookPlugin", (compilation) => {
      compilation.hooks.processAssets.tapPromise(
        { name: "SampleWorkbookPlugin", stage: webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        async () => {
          for (const { name, bytes } of await sampleWorkbooks()) {
            compilation.emitAsset(`mau/${name}`, new webpack.sources.RawSource(Buffer.from(bytes)));
          }
        },
      );
    });
  }
}

let samples = null;
function sampleWorkbooks() {
  samples ??= (async () => {
    const esbuild = require("esbuild");
    const file = path.join(__dirname, "scripts", "sample-workbook.ts");
    const built = await esbuild.build({ entryPoints: [file], bundle: true, platform: "node", format: "cjs", target: "node20", write: false, logLevel: "warning" });
    const Module = require("node:module");
    const mod = new Module(file, module);
    mod.filename = file;
    mod.paths = Module._nodeModulePaths(path.dirname(file));
    mod._compile(built.outputFiles[0].text, file);
    return mod.exports.sampleWorkbooks();
  })();
  return samples;
}

module.exports = async (env, options) => {
  const dev = options.mode === "development";
  const serving = Boolean(env && env.WEBPACK_SERVE);
  // The offline page alone needs no manifest, hence no public URL.
  const offline = Boolean(env && env.offline);
  if (!dev && !offline && !(process.env.ADDIN_PUBLIC_URL || "").trim()) {
    const error = new Error(
      "Thiếu biến môi trường ADDIN_PUBLIC_URL: bản dựng để triển khai cần địa chỉ https nơi đặt dist/, " +
        "ví dụ ADDIN_PUBLIC_URL=https://may-chu.example.vn/phuluc/ npm run build. " +
        "Chỉ cần trang web ngoại tuyến thì chạy npm run build:web.",
    );
    // A setting to fix, not a bug: webpack-cli prints the stack, which would bury the message.
    error.stack = error.message;
    throw error;
  }
  const urlProd = dev || offline ? DEV_URL : normaliseProdUrl(process.env.ADDIN_PUBLIC_URL);

  /** @type {import("webpack").Configuration} */
  const config = {
    // No eval-based source maps: the pages' Content-Security-Policy forbids eval.
    devtool: "source-map",
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      commands: "./src/commands/commands.ts",
      // The same task pane in a plain page over files opened from disk.
      web: "./src/web/index.tsx",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: dev ? "[name].js" : "[name].[contenthash:8].js",
      chunkFilename: dev ? "[name].js" : "[name].[contenthash:8].js",
      // dist/cli/ belongs to the command line's build (scripts/build-cli.js).
      clean: { keep: /^cli(\/|$)/ },
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js", ".json"],
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          loader: "esbuild-loader",
          options: { target: "es2019", jsx: "automatic" },
        },
      ],
    },
    optimization: {
      splitChunks: {
        cacheGroups: {
          // React + Fluent UI are shared by the task pane and change rarely.
          react: {
            test: /[\\/]node_modules[\\/](react|react-dom|scheduler)[\\/]/,
            name: "react",
            chunks: "initial",
            priority: 20,
          },
          fluent: {
            test: /[\\/]node_modules[\\/](@fluentui|@griffel|@floating-ui|tabster|keyborg|@swc[\\/]helpers)[\\/]/,
            name: "fluent",
            chunks: "initial",
            priority: 10,
          },
          // The package layer (our zip and XML code over fflate; saxes for Word's reader) is only loaded
          // on demand with import(), when a file is opened: its own chunk.
          xlsx: {
            test: /[\\/](node_modules[\\/](fflate|saxes|xmlchars)|src[\\/]hosts[\\/]file)[\\/]/,
            name: "xlsx",
            chunks: "async",
            priority: 30,
            enforce: true,
          },
        },
      },
    },
    performance: {
      hints: dev ? false : "warning",
      maxEntrypointSize: 700 * 1024,
      maxAssetSize: 700 * 1024,
      // Lazy chunks (the package layer) are not part of the start-up budget.
      assetFilter: (file) => file.endsWith(".js") && !file.startsWith("xlsx"),
    },
    plugins: [
      new CopyWebpackPlugin({
        patterns: [
          // ES5, loaded before the bundle by taskpane.html (not compiled: it must stay ES5).
          { from: "src/taskpane/old-webview.js", to: "old-webview.js" },
          {
            from: "assets/*",
            to: "assets/[name][ext][query]",
          },
          // The help page's pictures (made by `npm run screenshots`, not by the build).
          // Missing pictures do not stop a build; test/help.test.ts checks they are committed.
          { from: "src/help/img/*.png", to: "help/[name][ext]", noErrorOnMissing: true },
          // No manifest in an offline-only build: it would point at localhost.
          ...(offline
            ? []
            : [
                {
                  from: "manifest*.xml",
                  to: "[name][ext]",
                  transform(content) {
                    return dev ? content : rewriteManifestUrls(content.toString(), urlProd);
                  },
                },
              ]),
        ],
      }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane"],
        templateParameters: {
          // webpack-dev-server's live-reload socket; not in production pages.
          devConnectSrc: serving ? ` wss://localhost:${DEV_PORT}` : "",
        },
      }),
      new HtmlWebpackPlugin({
        filename: "commands.html",
        template: "./src/commands/commands.html",
        chunks: ["commands"],
        templateParameters: {
          devConnectSrc: serving ? ` wss://localhost:${DEV_PORT}` : "",
        },
      }),
      new HtmlWebpackPlugin({
        filename: "web/index.html",
        template: "./src/web/index.html",
        chunks: ["web"],
      }),
      new HtmlWebpackPlugin({
        filename: "help.html",
        template: "./src/help/help.html",
        inject: false,
      }),
      new SampleWorkbookPlugin(),
      new StartupBundleGuard(),
    ],
    devServer: {
      port: DEV_PORT,
      hot: false, // plain live reload; HMR is not worth its runtime here
      headers: {
        "Access-Control-Allow-Origin": "*",
      },
      static: false, // everything is served from the compilation (including copied assets)
      // Certificates are read only when serving, never on `webpack --mode production`.
      server: serving ? { type: "https", options: await require("./scripts/dev-certs").httpsOptions({ port: DEV_PORT }) } : undefined,
    },
  };

  return config;
};
