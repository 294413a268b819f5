import type { FleetTerminal } from '../../../shared/contract/fleet-api';
import type { FollowUp } from '../../../shared/contract/follow-up-api';
import { isMessageKey } from '../../../shared/messages/translate';
import { t } from '../i18n/locale-state.svelte';

/**
 * The server's codes in the words of the follow-up and fleet screens (issue 5): staff read what
 * was refused and why, never a bare code, except for a code this kiosk does not know yet.
 */
export function refusalText(followUp: FollowUp): string {
  const key = `staff.followUps.code.${followUp.code}`;
  return isMessageKey(key) ? t(key) : t('staff.followUps.code.other', { code: followUp.code });
}

export function kindText(followUp: FollowUp): string {
  return t(`staff.followUps.kind.${followUp.kind}`);
}

/** The raised flags of a terminal, each in words; empty when all is well. */
export function flagTexts(terminal: FleetTerminal): string[] {
  const { flags } = terminal;
  return [
    flags.silent ? t('staff.fleet.flag.silent') : '',
    flags.outboxGrowing ? t('staff.fleet.flag.outboxGrowing') : '',
    flags.wipeCheckFailed ? t('staff.fleet.flag.wipeCheckFailed') : '',
    flags.openFollowUps ? t('staff.fleet.flag.openFollowUps', { count: terminal.openFollowUps }) : '',
  ].filter((text) => text !== '');
}
