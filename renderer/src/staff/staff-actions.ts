import { tick } from 'svelte';
import type { AppError } from '../../../shared/contract/result';
import type { StaffLockedEventSchema } from '../../../shared/contract/kiosk-staff-api';
import type { StaffActionRequest } from '../../../shared/contract/staff-api';
import { durationText } from '../../../shared/messages/spoken-text';
import type { z } from 'zod';
import { localeState } from '../i18n/locale-state.svelte';
import { callKiosk, onKioskEvent } from '../lib/api/kiosk-client';
import { privacyGate } from '../lib/privacy/privacy-gate.svelte';
import { identityForm } from '../lib/state/identity-form-state.svelte';
import { wizard } from '../lib/state/wizard-state.svelte';
import { groupState } from './group/group-state.svelte';
import { emptyLookup, lookupFields, readLookup } from './lookup-form';
import { staffNav } from './staff-nav.svelte';
import { staffState, type StaffNotice } from './staff-state.svelte';

/**
 * The only place the renderer calls the staff kiosk methods (issue 6, desk mode). The staff
 * token never reaches the page; what staff typed and saw is wiped at every lock, and the page
 * is then checked like after a person's session (LOCKDOWN.md #20).
 */
type LockReason = z.infer<typeof StaffLockedEventSchema>['reason'];
type ErrorContext = 'signIn' | 'action';

const ACTIVITY_INTERVAL_MS = 2000;
const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'touchstart'] as const;
let lastActivity = 0;

/** "Espace personnel": the sign-in, or straight to the lookup while still signed in. */
export function openStaffSpace(): void {
  staffState.showLockedNotice(false);
  staffNav.show(staffState.staff ? 'lookup' : 'signIn');
}

export function cancelSignIn(): void {
  staffNav.show('closed');
}

export function staffErrorNotice(error: AppError, context: ErrorContext): StaffNotice {
  switch (error.code) {
    case 'THROTTLED':
      return { key: 'staff.error.THROTTLED', params: { time: durationText(localeState.locale, error.retryAfterS ?? 60) } };
    case 'FORBIDDEN':
      return { key: context === 'signIn' ? 'staff.error.FORBIDDEN' : 'staff.error.FORBIDDEN.action', params: {} };
    case 'UNAUTHORIZED':
    case 'OFFLINE':
    case 'NOT_FOUND':
    case 'NOT_APPLICABLE':
    case 'INVALID_INPUT':
    case 'RESEND_LIMIT':
    case 'ID_CHECK_REQUIRED':
    case 'NO_SESSION':
      return { key: `staff.error.${error.code}`, params: {} };
    default:
      return { key: 'staff.error.generic', params: {} };
  }
}

async function staffBusy(work: () => Promise<void>): Promise<void> {
  if (staffState.busy) return;
  staffState.setBusy(true);
  try {
    await work();
  } finally {
    staffState.setBusy(false);
  }
}

/** A refused staff call: a dead staff session locks the screens, anything else is said in place. */
function refuse(error: AppError, context: ErrorContext): void {
  if (error.code === 'NO_SESSION' && context === 'action') return lockStaff('expired');
  staffState.setError(staffErrorNotice(error, context));
}

export async function signIn(username: string, password: string, totp: string): Promise<boolean> {
  let signedIn = false;
  await staffBusy(async () => {
    const answer = await callKiosk('staff.signIn', { username: username.trim(), password, ...(totp.trim() ? { totp: totp.trim() } : {}) });
    if (!answer.ok) return refuse(answer.error, 'signIn');
    staffState.signedIn(answer.value.staff);
    lastActivity = Date.now();
    signedIn = true;
    staffNav.show('lookup');
  });
  return signedIn;
}

/** "Verrouiller": wiped here at once, whether or not the back end answers. */
export async function signOut(): Promise<void> {
  lockStaff('signedOut');
  await callKiosk('staff.signOut', {});
}

/**
 * Every staff state goes, the staff screens close and the page is verified before Welcome
 * shows (the same gate as a person's session end). A hand-over is not checked: the person's
 * form now holds, on purpose, what staff typed; it is checked when the person's session ends.
 */
export function lockStaff(reason: LockReason): void {
  const wasOpen = staffState.staff !== null || staffNav.screen !== 'closed';
  const wipeStaff = () => {
    staffState.reset();
    groupState.reset();
    staffNav.show('closed');
  };
  // Like a person's session end: the language staff chose goes with them, whoever comes next
  // (or the person handed over to) starts in the terminal's own. Not when nothing was open: a
  // person may be mid-flow in the language they chose.
  if (wasOpen) localeState.reset();
  if (reason === 'handedOver') return wipeStaff();
  privacyGate.beginWipe();
  wipeStaff();
  void privacyGate.verify(wipeStaff);
  if (wasOpen) staffState.showLockedNotice(true);
}

/** Any input on a staff screen pushes the auto-lock back, at most once every 2 s. */
export function noteStaffActivity(): void {
  if (staffState.staff === null || staffNav.screen === 'closed') return;
  const now = Date.now();
  if (now - lastActivity < ACTIVITY_INTERVAL_MS) return;
  lastActivity = now;
  void callKiosk('staff.activity', {}).then((answer) => {
    if (!answer.ok && answer.error.code === 'NO_SESSION') lockStaff('expired');
  });
}

/** Wires `staff.locked` and input activity; returns the teardown. */
export function listenToStaff(): () => void {
  const unsubscribe = onKioskEvent((event) => {
    if (event.type === 'staff.locked') lockStaff(event.reason);
  });
  const onInput = () => noteStaffActivity();
  for (const type of ACTIVITY_EVENTS) document.addEventListener(type, onInput, { capture: true, passive: true });
  return () => {
    unsubscribe();
    for (const type of ACTIVITY_EVENTS) document.removeEventListener(type, onInput, { capture: true });
  };
}

export function profileFields(profileId: string) {
  return lookupFields(wizard.terminal?.profiles.find((profile) => profile.id === profileId)?.identityFields);
}

export function chooseProfile(profileId: string): void {
  staffState.chooseProfile(profileId, emptyLookup(profileFields(profileId)));
}

export async function lookup(): Promise<void> {
  const profileId = staffState.profileId;
  const fields = profileFields(profileId);
  const { identity, problems } = readLookup(fields, staffState.values);
  staffState.showProblems(problems);
  staffState.setError(null);
  if (problems.length > 0) return;
  await staffBusy(async () => {
    const answer = await callKiosk('staff.lookup', { profileId, identity });
    if (!answer.ok) {
      if (answer.error.code === 'INVALID_INPUT' && answer.error.fields?.length) return staffState.showProblems(answer.error.fields);
      return refuse(answer.error, 'action');
    }
    staffState.setDiagnosis(answer.value);
    staffNav.show('diagnosis');
  });
}

/** What staff are told after an action: a correction with no email pending sent none, and says only that. */
export function doneNotice(action: StaffActionRequest['action'], sentTo: string | undefined): StaffNotice {
  if (action === 'correctEmail' && sentTo === undefined) return { key: 'staff.action.done.correctEmail.noMail', params: {} };
  return { key: `staff.action.done.${action}`, params: { to: sentTo ?? '' } };
}

/** One action on the current case; the diagnosis is refreshed and the outcome announced. */
export async function act(request: StaffActionRequest): Promise<boolean> {
  const caseId = staffState.diagnosis?.caseId;
  if (!caseId) return false;
  let done = false;
  staffState.setError(null);
  staffState.announce(null);
  await staffBusy(async () => {
    const answer = await callKiosk('staff.act', { caseId, request });
    if (!answer.ok) return refuse(answer.error, 'action');
    staffState.setDiagnosis(answer.value.diagnosis);
    if (answer.value.issued) staffState.setIssued(answer.value.issued);
    staffState.announce(doneNotice(request.action, answer.value.sentTo));
    done = true;
  });
  return done;
}

/** "Code transmis": the secret leaves the state, hence the DOM. */
export function secretHandedOver(): void {
  staffState.setIssued(null);
}

export function newSearch(): void {
  staffState.clearCase();
  staffNav.show('lookup');
}

/** "Continuer avec la personne": the staff session ends and the person's form opens, pre-filled. */
export async function handOver(): Promise<void> {
  const caseId = staffState.diagnosis?.caseId;
  if (!caseId) return;
  await staffBusy(async () => {
    const answer = await callKiosk('staff.handOver', { caseId });
    if (!answer.ok) return refuse(answer.error, 'action');
    const { profile, prefill, waived } = answer.value;
    lockStaff('handedOver');
    identityForm.prepare(profile, { prefill, waived });
    wizard.begin(profile, 'identity');
  });
  await tick();
}
