/*
 * Function file (manifest: <FunctionFile resid="NQ57.Commands.Url"/>).
 *
 * The schema of VersionOverrides 1.0 requires a FunctionFile in
 * DesktopFormFactor, so the page exists even though the only ribbon button
 * (ShowTaskpane) needs no code. Ribbon buttons of type ExecuteFunction added
 * later register their handlers here with Office.actions.associate.
 *
 * "action" is the template's minimal handler: it does nothing but tell Office
 * the command has finished, so a button wired to it never stays busy.
 */

/** Completes an add-in command event without doing anything else. */
export function completeCommand(event: Office.AddinCommands.Event): void {
  event.completed();
}

if (typeof Office !== "undefined") {
  Office.onReady(() => {
    // Office.actions only exists in hosts that support shared/associated commands.
    if (Office.actions && typeof Office.actions.associate === "function") {
      Office.actions.associate("action", completeCommand);
    }
  });
}
