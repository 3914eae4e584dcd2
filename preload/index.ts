import { contextBridge, ipcRenderer } from 'electron';
import {
  channels,
  events,
  ipcEventChannel,
  ipcInvokePrefix,
  mediaScheme,
  type ShotloomApi,
} from '../common/contract';

// Only contract channels and events cross the bridge: no raw ipcRenderer, no process.env.
const channelNames = new Set(Object.keys(channels));
const eventNames = new Set(Object.keys(events));

const api: ShotloomApi = {
  invoke(channel, request) {
    if (!channelNames.has(channel)) {
      return Promise.resolve({
        ok: false,
        error: { code: 'UNKNOWN_CHANNEL', message: `No channel ${channel}.` },
      });
    }
    return ipcRenderer.invoke(`${ipcInvokePrefix}${channel}`, request);
  },
  on(event, listener) {
    if (!eventNames.has(event)) throw new Error(`No event ${event}.`);
    const wrapped = (_ipcEvent: unknown, name: unknown, payload: unknown): void => {
      if (name === event) listener(payload as Parameters<typeof listener>[0]);
    };
    ipcRenderer.on(ipcEventChannel, wrapped);
    return () => ipcRenderer.removeListener(ipcEventChannel, wrapped);
  },
  host: {
    kind: 'electron',
    mediaUrl: (assetId) => `${mediaScheme}://asset/${encodeURIComponent(assetId)}`,
  },
};

contextBridge.exposeInMainWorld('shotloom', api);
