/** A failure a person can act on, with a Vietnamese message; `cause` is for logs only. */
export class HostError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly cause?: unknown,
  ) {
    super(message);
    this.name = "HostError";
  }
}
