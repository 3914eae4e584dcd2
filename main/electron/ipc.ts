import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import {
  channels,
  fail,
  ipcEventChannel,
  ipcInvokePrefix,
  type ChannelName,
  type Result,
} from '../../common/contract';
import type { Core } from '../core/createCore';
import { isAppUrl } from '../security/appUrls';

export type SenderCheck = (event: IpcMainInvokeEvent) => boolean;

/**
 * One ipcMain handler per contract channel, each checking the sender frame before the core's own
 * schema validation runs. Returns the list of registered channel names (the test checks it is all).
 */
export function registerIpcHandlers(
  ipcMain: IpcMain,
  core: Core,
  isTrustedSender: SenderCheck,
): ChannelName[] {
  const registered: ChannelName[] = [];
  for (const name of Object.keys(channels) as ChannelName[]) {
    ipcMain.handle(`${ipcInvokePrefix}${name}`, async (event, request: unknown): Promise<Result<unknown>> => {
      if (!isTrustedSender(event)) {
        return fail({ code: 'FORBIDDEN', message: 'This request did not come from the Shotloom window.' });
      }
      const controller = new AbortController();
      event.sender.once('destroyed', () => controller.abort());
      return core.invoke(name, request, { host: 'electron', signal: controller.signal });
    });
    registered.push(name);
  }
  return registered;
}

/** Pushes every core event to one window until it closes. */
export function forwardEvents(core: Core, contents: WebContents): () => void {
  const unsubscribe = core.events.subscribe((name, payload) => {
    if (!contents.isDestroyed()) contents.send(ipcEventChannel, name, payload);
  });
  contents.once('destroyed', unsubscribe);
  return unsubscribe;
}

/** A sender is trusted when it is the main frame of our window, showing our own page. */
export function trustedSender(
  getWindowContents: () => WebContents | null,
  devServerUrl: string | undefined,
): SenderCheck {
  return (event) => {
    const contents = getWindowContents();
    const frame = event.senderFrame;
    if (!contents || !frame || event.sender.id !== contents.id) return false;
    if (frame !== contents.mainFrame) return false;
    return isAppUrl(frame.url, devServerUrl);
  };
}
