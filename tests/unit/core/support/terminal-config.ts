import type { TerminalConfig } from '../../../../shared/schemas/terminal-config-schema';

/** A valid terminal configuration for the Cergy profile, pointed at `server`. */
export function terminalConfigFor(server: { url: string; token: string }, idle = { timeoutS: 90, warningS: 20 }): TerminalConfig {
  return {
    terminalId: 'borne-test',
    mode: 'shared',
    locale: 'fr',
    profiles: ['cergy-etudiant'],
    idle,
    staff: { lockAfterS: 120 },
    server: { url: server.url, token: server.token },
  };
}
