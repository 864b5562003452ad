import { MessageBar, MessageBarBody } from "@fluentui/react-components";

export type Status = { kind: "idle" } | { kind: "busy"; text: string } | { kind: "done"; text: string } | { kind: "error"; text: string };

/** One line saying what just happened, announced to screen readers. */
export function StatusLine({ status }: { status: Status }) {
  if (status.kind === "idle" || status.kind === "busy") return null;
  return (
    <MessageBar intent={status.kind === "error" ? "error" : "success"} aria-live="polite">
      <MessageBarBody>{status.text}</MessageBarBody>
    </MessageBar>
  );
}
