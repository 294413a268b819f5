import { Countdown } from './countdown.svelte';

/** The "Êtes-vous toujours là ?" warning: open or not, and the seconds left before the wipe. */
class IdleState {
  #open = $state(false);
  #countdown = new Countdown();

  get open(): boolean {
    return this.#open;
  }
  get secondsLeft(): number {
    return this.#countdown.secondsLeft;
  }

  warn(secondsLeft: number): void {
    this.#countdown.start(secondsLeft);
    this.#open = true;
  }

  dismiss(): void {
    this.#countdown.stop();
    this.#open = false;
  }
}

export const idleState = new IdleState();
