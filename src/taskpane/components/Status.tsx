import { useCallback, useEffect, useRef, useState, type ReactNode } from "react";
import { MessageBar, MessageBarBody, Spinner, makeStyles, tokens } from "@fluentui/react-components";
import { messageOf } from "../context";

export type Status =
  | { kind: "idle" }
  | { kind: "busy"; text: string }
  /**
   * `notDone`: what this Excel could not do; the line is a warning then, never a plain success.
   * `partial`: the command did only part of what was asked (2 of 3 files): a warning too.
   */
  | { kind: "done"; text: string; notDone?: string[]; partial?: boolean }
  | { kind: "error"; text: string };

const useStyles = makeStyles({
  busy: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS, paddingTop: tokens.spacingVerticalXS, paddingBottom: tokens.spacingVerticalXS },
  result: { scrollMarginTop: "8px", scrollMarginBottom: "8px", ":focus": { outline: "none" } },
});

/**
 * One line saying what is happening (a spinner while a command runs) or what just
 * happened (and what was left undone), announced to screen readers. When a command
 * ends, the line is scrolled into view so the result is where the eye is.
 */
export function StatusLine({ status, children }: { status: Status; children?: ReactNode }) {
  const styles = useStyles();
  const ref = useRef<HTMLDivElement | null>(null);
  useEffect(() => {
    if (status.kind === "done" || status.kind === "error") ref.current?.scrollIntoView?.({ block: "nearest", behavior: "smooth" });
  }, [status]);
  if (status.kind === "idle") return null;
  if (status.kind === "busy") {
    return (
      <div className={styles.busy} role="status" aria-live="polite" aria-busy="true">
        <Spinner size="tiny" label={status.text} />
      </div>
    );
  }
  const notDone = status.kind === "done" ? (status.notDone ?? []) : [];
  const intent = status.kind === "error" ? "error" : notDone.length || (status.kind === "done" && status.partial) ? "warning" : "success";
  return (
    <div ref={ref} className={styles.result} tabIndex={-1} data-intent={intent}>
      <MessageBar intent={intent} aria-live="polite" layout="multiline">
        <MessageBarBody>
          {status.text}
          {notDone.length > 0 && (
            <ul>
              {notDone.map((t) => (
                <li key={t}>{t}</li>
              ))}
            </ul>
          )}
          {children}
        </MessageBarBody>
      </MessageBar>
    </div>
  );
}

/**
 * Let the browser draw the "busy" line before a command's work starts: the work may
 * hold the main thread for seconds (a large insert), and a spinner drawn afterwards
 * is no spinner. A frame, or a short timeout where frames do not come (a hidden tab).
 */
export function nextPaint(): Promise<void> {
  return new Promise((resolve) => {
    let done = false;
    const go = () => {
      if (done) return;
      done = true;
      setTimeout(resolve, 0);
    };
    if (typeof requestAnimationFrame === "function") requestAnimationFrame(go);
    setTimeout(go, 100);
  });
}

/**
 * A command's status: `run` shows the busy line, lets it be drawn, runs the work and
 * shows what it returns (or the error, in Vietnamese).
 */
export function useCommand() {
  const [status, setStatus] = useState<Status>({ kind: "idle" });
  const run = useCallback(async (busyText: string, work: () => Promise<Status | void>) => {
    setStatus({ kind: "busy", text: busyText });
    await nextPaint();
    try {
      const next = await work();
      if (next) setStatus(next);
    } catch (e) {
      setStatus({ kind: "error", text: messageOf(e) });
    }
  }, []);
  return { status, setStatus, run, busy: status.kind === "busy" };
}
