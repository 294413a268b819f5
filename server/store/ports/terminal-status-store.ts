/** The latest heartbeat of one terminal as stored (migration 010). */
export interface TerminalStatusRow {
  terminalId: string;
  receivedAt: string;
  appVersion: string;
  mode: string;
  outboxDepth: number;
  oldestQueuedAt: string | null;
  lastSyncAt: string | null;
  wipeCheckAt: string | null;
  wipeCheckOk: number | null;
  wipeCheckLeaks: number | null;
  /** Depths of the last few heartbeats, oldest first, this one last. */
  recentDepths: number[];
}

/** A terminal with its latest heartbeat, if it ever sent one (the fleet view). */
export interface FleetRow {
  id: string;
  name: string;
  /** When the terminal was registered (`terminals create`): the clock of one never heard from. */
  createdAt: string;
  revokedAt: string | null;
  status: TerminalStatusRow | null;
}

export interface TerminalStatusStore {
  findTerminalStatus(terminalId: string): Promise<TerminalStatusRow | undefined>;
  /** Replaces the terminal's status with this heartbeat. */
  saveTerminalStatus(status: TerminalStatusRow): Promise<void>;
  /** Every terminal, with its status when it has one, by id. */
  listFleet(): Promise<FleetRow[]>;
}
