import type { FleetResponse } from '../../../shared/contract/fleet-api';
import type { FollowUp } from '../../../shared/contract/follow-up-api';
import type { AppError } from '../../../shared/contract/result';
import { callKiosk } from '../lib/api/kiosk-client';
import { lockStaff, staffErrorNotice } from './staff-actions';
import type { StaffNotice } from './staff-state.svelte';
import { staffState } from './staff-state.svelte';

/**
 * The renderer's calls for the follow-up and fleet screens (issue 5). What they answer lives in
 * the screens themselves, so it goes when the staff screens close or lock. A dead staff session
 * locks the screens (core also says so with `staff.locked`); anything else is a sentence.
 */
export type Answer<T> = { ok: true; value: T } | { ok: false; notice: StaffNotice | null };

function refused<T>(error: AppError): Answer<T> {
  if (error.code === 'NO_SESSION') {
    lockStaff('expired');
    return { ok: false, notice: null };
  }
  if (error.code === 'INVALID_INPUT') return { ok: false, notice: { key: 'staff.followUps.search.invalid', params: {} } };
  return { ok: false, notice: staffErrorNotice(error, 'action') };
}

async function busy<T>(work: () => Promise<Answer<T>>): Promise<Answer<T>> {
  staffState.setBusy(true);
  try {
    return await work();
  } finally {
    staffState.setBusy(false);
  }
}

/** The open follow-ups, or every one behind the reference typed off a receipt. */
export function listFollowUps(reference: string): Promise<Answer<FollowUp[]>> {
  const typed = reference.trim();
  return busy(async () => {
    const answer = await callKiosk('staff.followUps.list', typed === '' ? {} : { reference: typed });
    return answer.ok ? { ok: true, value: answer.value.followUps } : refused(answer.error);
  });
}

export function resolveFollowUp(followUpId: number): Promise<Answer<FollowUp>> {
  return busy(async () => {
    const answer = await callKiosk('staff.followUps.resolve', { followUpId });
    return answer.ok ? { ok: true, value: answer.value.followUp } : refused(answer.error);
  });
}

export function readFleet(): Promise<Answer<FleetResponse>> {
  return busy(async () => {
    const answer = await callKiosk('staff.fleet', {});
    return answer.ok ? { ok: true, value: answer.value } : refused(answer.error);
  });
}
