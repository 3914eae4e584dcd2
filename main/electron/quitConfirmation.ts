import type { MessageBoxOptions } from 'electron';
import type { UnsavedChangesProbe } from './unsavedChanges';

export type QuitChoice = 'save' | 'discard' | 'cancel';

/** Button order of the dialog; Escape and closing the dialog mean Cancel. */
const buttons: ReadonlyArray<{ label: string; choice: QuitChoice }> = [
  { label: 'Save', choice: 'save' },
  { label: "Don't Save", choice: 'discard' },
  { label: 'Cancel', choice: 'cancel' },
];
const cancelId = 2;

/** The "save before quitting?" dialog for these documents. */
export function quitDialogOptions(documents: readonly string[]): MessageBoxOptions {
  const what = documents.length === 1 ? `"${documents[0]}" has` : `${documents.length} projects have`;
  return {
    type: 'warning',
    title: 'Unsaved changes',
    message: `${what} unsaved changes. Save before quitting?`,
    detail: "If you don't save, your changes since the last save are lost.",
    buttons: buttons.map((button) => button.label),
    defaultId: 0,
    cancelId,
    noLink: true,
  };
}

/** The dialog's answer as a choice; anything unexpected is treated as Cancel, never as Discard. */
export function quitChoice(response: number): QuitChoice {
  return buttons[response]?.choice ?? 'cancel';
}

/**
 * Decides whether the app may quit: yes when nothing is unsaved; otherwise asks, and then Save
 * quits only if saving succeeded, Don't Save quits, Cancel stays. A probe that fails keeps the app
 * open: losing work is worse than a second Quit.
 */
export async function confirmQuit(
  probe: UnsavedChangesProbe,
  ask: (options: MessageBoxOptions) => Promise<number>,
): Promise<boolean> {
  let documents: string[];
  try {
    documents = await probe.unsavedDocuments();
  } catch {
    documents = ['The open project'];
  }
  if (documents.length === 0) return true;
  switch (quitChoice(await ask(quitDialogOptions(documents)))) {
    case 'discard':
      return true;
    case 'cancel':
      return false;
    case 'save':
      try {
        return await probe.saveAll();
      } catch {
        return false;
      }
  }
}
