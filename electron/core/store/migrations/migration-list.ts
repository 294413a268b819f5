import type { Migration } from '../migration-runner';
import { migration001CreateOutbox } from './001-create-outbox';
import { migration002AddOutboxDeferred } from './002-add-outbox-deferred';
import { migration003AddOutboxHelpRequest } from './003-add-outbox-help-request';
import { migration004CreateConfigSnapshot } from './004-create-config-snapshot';
import { migration005AddOutboxFollowUp } from './005-add-outbox-follow-up';

/** Every migration, in order; a new one is a new numbered file appended here. */
export const KIOSK_MIGRATIONS: readonly Migration[] = [migration001CreateOutbox, migration002AddOutboxDeferred, migration003AddOutboxHelpRequest, migration004CreateConfigSnapshot, migration005AddOutboxFollowUp];
