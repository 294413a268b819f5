import { migration001 } from './001-terminals';
import { migration002 } from './002-enrollments';
import { migration003 } from './003-activations';
import { migration004 } from './004-idempotency';
import { migration005 } from './005-throttle';
import { migration006 } from './006-credentials';
import { migration007 } from './007-email-proofs';
import { migration008 } from './008-recoveries';
import { migration009 } from './009-staff';
import { migration010 } from './010-terminal-status';
import { migration011 } from './011-follow-ups';
import { migration012 } from './012-recovery-sends';
import type { Migration } from './migration';

/** Every migration, in order; a new one is a new file appended here. */
export const MIGRATIONS: readonly Migration[] = [migration001, migration002, migration003, migration004, migration005, migration006, migration007, migration008, migration009, migration010, migration011, migration012];
