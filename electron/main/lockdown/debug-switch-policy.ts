/**
 * Switches that hand the process to a debugger (pure). A packaged kiosk refuses to start with
 * them (LOCKDOWN.md #12); the fuses turn most of them off in the binary too, this is the belt.
 */
// Chromium accepts one or two dashes (and a slash on Windows) before a switch name.
const DEBUG_SWITCH = /^(?:--?|\/)(remote-debugging-[\w-]+|inspect[\w-]*|debug(?:-brk)?|js-flags)(?:=.*)?$/i;

export function findDebugSwitch(argv: readonly string[]): string | null {
  for (const arg of argv) {
    const match = DEBUG_SWITCH.exec(arg);
    if (match) return `--${match[1]?.toLowerCase()}`;
  }
  return null;
}
