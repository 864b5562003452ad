/**
 * Rewrites the development URLs of manifest.xml to the production location.
 * Used by webpack.config.js when it copies manifest*.xml into dist/ in
 * production mode.
 */
"use strict";

const DEV_URL = "https://localhost:3000/";
const DEFAULT_PROD_URL = "https://www.contoso.com/"; // placeholder, as in Microsoft's template

/**
 * Validates and normalises the public URL the add-in is deployed at.
 * It must be an https URL; a trailing slash is added when missing.
 * @param {string | undefined} value
 * @returns {string}
 */
function normaliseProdUrl(value) {
  const raw = value && value.trim() !== "" ? value.trim() : DEFAULT_PROD_URL;
  let url;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`ADDIN_PUBLIC_URL is not a valid URL: ${raw}`);
  }
  if (url.protocol !== "https:") {
    throw new Error(`ADDIN_PUBLIC_URL must use https (Office requires it): ${raw}`);
  }
  if (url.search || url.hash) {
    throw new Error(`ADDIN_PUBLIC_URL must not contain a query or fragment: ${raw}`);
  }
  return url.href.endsWith("/") ? url.href : `${url.href}/`;
}

/**
 * Replaces every https://localhost:3000/... URL with the production URL, and
 * the bare origin https://localhost:3000 (as used in <AppDomain>) with the
 * production origin.
 * @param {string} xml
 * @param {string} prodUrl normalised production URL (ends with "/")
 * @returns {string}
 */
function rewriteManifestUrls(xml, prodUrl) {
  const devOrigin = DEV_URL.slice(0, -1);
  const prodOrigin = new URL(prodUrl).origin;
  return xml.split(DEV_URL).join(prodUrl).split(devOrigin).join(prodOrigin);
}

module.exports = { DEV_URL, DEFAULT_PROD_URL, normaliseProdUrl, rewriteManifestUrls };
