import { contextBridge, ipcRenderer } from 'electron';
import type { IpcRendererEvent } from 'electron';
import type { KioskBridge, KioskEvent } from '../../shared/contract/kiosk-api';

/**
 * The one bridge (CONVENTIONS.md, "electron/preload"): `window.kiosk`, nothing else, and never
 * `ipcRenderer` itself. Type imports only, so the CommonJS bundle requires nothing but
 * `electron` — a sandboxed preload cannot load anything else. Validation happens in main.
 * The channel names mirror electron/main/ipc/kiosk-ipc.ts (the lint rule keeps main out of here).
 */
const bridge = {
  invoke(method, input) {
    return ipcRenderer.invoke('kiosk:invoke', method, input);
  },
  onEvent(listener) {
    const relay = (_event: IpcRendererEvent, payload: KioskEvent): void => listener(payload);
    ipcRenderer.on('kiosk:event', relay);
    return () => {
      ipcRenderer.removeListener('kiosk:event', relay);
    };
  },
} satisfies KioskBridge;

contextBridge.exposeInMainWorld('kiosk', bridge);
