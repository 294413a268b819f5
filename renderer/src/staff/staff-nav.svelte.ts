/**
 * Which staff screen is up (issue 6). `closed`: the wizard is shown. The desk screens belong to
 * renderer/src/staff/, the group ones to renderer/src/staff/group/ (GroupScreens.svelte shows
 * whichever `group*` screen is current).
 */
export type StaffScreen = 'closed' | 'signIn' | 'lookup' | 'diagnosis' | 'followUps' | 'fleet' | 'groupSetup' | 'groupBoard' | 'groupSummary';

class StaffNav {
  #screen = $state<StaffScreen>('closed');

  get screen(): StaffScreen {
    return this.#screen;
  }
  get isGroup(): boolean {
    return this.#screen.startsWith('group');
  }
  show(screen: StaffScreen): void {
    this.#screen = screen;
  }
}

export const staffNav = new StaffNav();
