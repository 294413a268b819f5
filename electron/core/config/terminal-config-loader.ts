import { TerminalConfigSchema, type TerminalConfig } from '../../../shared/schemas/terminal-config-schema';
import { parseConfigFile } from './config-file-reader';

/** Reads and validates a terminal's `terminal.json`; throws a `ConfigError` naming bad fields. */
export function loadTerminalConfig(file: string): TerminalConfig {
  return parseConfigFile(file, TerminalConfigSchema, 'terminal configuration');
}
