/** What the shells (Electron IPC, loopback HTTP) use of the kiosk back end. */
export { createKioskCore, type KioskCore, type KioskCoreOptions } from './create-kiosk-core';
export { loadTerminalConfig } from './config/terminal-config-loader';
export { loadProfiles } from './config/profile-loader';
export { ConfigError } from './config/config-file-reader';
export { systemClock, type Clock } from './clock';
export { DEFAULT_TIMING, type CoreTiming } from './core-timing';
