/** Bad command-line usage, reported in Vietnamese with exit code 2. */
export class UsageError extends Error {}
