/**
 * A seconds countdown for display (idle warning, throttling wait). The back end owns the
 * real deadlines; this only shows them, counted against the page's own clock.
 */
export class Countdown {
  #endsAt = 0;
  #secondsLeft = $state(0);
  #timer: ReturnType<typeof setInterval> | undefined;

  get secondsLeft(): number {
    return this.#secondsLeft;
  }

  start(seconds: number): void {
    this.stop();
    this.#endsAt = Date.now() + seconds * 1000;
    this.#secondsLeft = Math.max(0, seconds);
    if (seconds <= 0) return;
    this.#timer = setInterval(() => this.#tick(), 250);
  }

  stop(): void {
    if (this.#timer !== undefined) clearInterval(this.#timer);
    this.#timer = undefined;
  }

  #tick(): void {
    this.#secondsLeft = Math.max(0, Math.ceil((this.#endsAt - Date.now()) / 1000));
    if (this.#secondsLeft === 0) this.stop();
  }
}
