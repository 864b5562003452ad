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
 * URL ending in "/", e.g. https://example.org/phuluc-nq57/). When it is not set
 * the template's placeholder https://www.contoso.com/ is used, which must be
 * changed before the add-in is deployed.
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

async function getHttpsOptions() {
  // Only called by `webpack serve`: creates and trusts the localhost
  // development certificate the first time (office-addin-dev-certs).
  const devCerts = require("office-addin-dev-certs");
  try {
    const httpsOptions = await devCerts.getHttpsServerOptions();
    return { ca: httpsOptions.ca, key: httpsOptions.key, cert: httpsOptions.cert };
  } catch (error) {
    // Trusting the CA needs sudo (Linux) or an admin prompt; without it the certificates
    // it generated still serve https, and the browser asks the user to accept them.
    const fs = require("node:fs");
    const dir = path.join(require("node:os").homedir(), ".office-addin-dev-certs");
    const read = (name) => fs.readFileSync(path.join(dir, name));
    if (!fs.existsSync(path.join(dir, "localhost.key"))) throw error;
    console.warn(
      `[phuluc-nq57] Chưa tin cậy được chứng chỉ phát triển (${error.message.split("\n")[0]}). ` +
        `Máy chủ vẫn chạy với chứng chỉ trong ${dir}; hãy cài ${path.join(dir, "ca.crt")} vào kho chứng chỉ tin cậy ` +
        "hoặc chấp nhận cảnh báo của trình duyệt khi mở https://localhost:3000/taskpane.html.",
    );
    return { ca: read("ca.crt"), key: read("localhost.key"), cert: read("localhost.crt") };
  }
}

module.exports = async (env, options) => {
  const dev = options.mode === "development";
  const serving = Boolean(env && env.WEBPACK_SERVE);
  const urlProd = dev ? DEV_URL : normaliseProdUrl(process.env.ADDIN_PUBLIC_URL);
  if (!dev && !process.env.ADDIN_PUBLIC_URL) {
    console.warn(
      `[phuluc-nq57] ADDIN_PUBLIC_URL is not set: dist/manifest.xml points at the placeholder ${urlProd}. ` +
        "Set it to the https address where dist/ is published before deploying.",
    );
  }

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
      clean: true,
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
          // The package layer (our zip and XML code over fflate and saxes) is only loaded
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
          {
            from: "assets/*",
            to: "assets/[name][ext][query]",
          },
          {
            from: "manifest*.xml",
            to: "[name][ext]",
            transform(content) {
              return dev ? content : rewriteManifestUrls(content.toString(), urlProd);
            },
          },
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
      server: serving ? { type: "https", options: await getHttpsOptions() } : undefined,
    },
  };

  return config;
};
