/** Type declarations for scripts/manifest-urls.js (used by the Jest tests). */
export declare const DEV_URL: string;
export declare const DEFAULT_PROD_URL: string;
export declare function normaliseProdUrl(value: string | undefined): string;
export declare function rewriteManifestUrls(xml: string, prodUrl: string): string;
