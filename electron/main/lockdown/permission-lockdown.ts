import type { Session } from 'electron';

/**
 * The kiosk page needs no permission at all: every request and check is denied without a
 * prompt (LOCKDOWN.md #6), and downloads are cancelled before a file is written (#7).
 */
export function lockPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  // Answering with no stream denies the capture.
  session.setDisplayMediaRequestHandler((_request, callback) => callback({}));
  session.on('will-download', (event, item) => {
    event.preventDefault();
    item.cancel();
  });
}
