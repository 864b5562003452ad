import { MessageBar, MessageBarBody } from "@fluentui/react-components";

export type Status =
  | { kind: "idle" }
  | { kind: "busy"; text: string }
  /** `notDone`: what this Excel could not do; the line is a warning then, never a plain success. */
  | { kind: "done"; text: string; notDone?: string[] }
  | { kind: "error"; text: string };

/** One line saying what just happened (and what was left undone), announced to screen readers. */
export function StatusLine({ status }: { status: Status }) {
  if (status.kind === "idle" || status.kind === "busy") return null;
  const notDone = status.kind === "done" ? (status.notDone ?? []) : [];
  return (
    <MessageBar intent={status.kind === "error" ? "error" : notDone.length ? "warning" : "success"} aria-live="polite">
      <MessageBarBody>
        {status.text}
        {notDone.length > 0 && (
          <ul>
            {notDone.map((t) => (
              <li key={t}>{t}</li>
            ))}
          </ul>
        )}
      </MessageBarBody>
    </MessageBar>
  );
}
