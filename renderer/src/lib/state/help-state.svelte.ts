import type { HelpNode, HelpTree } from '../../../../shared/schemas/help-schema';
import { back, follow, nodeOf, startOf, type HelpStack } from '../help/help-navigation';
import type { Screen } from './wizard-state.svelte';

/**
 * Where the person is in the guided help: the tree, the nodes visited (for "Retour"), and the
 * screen the help was opened from (for "Reprendre où j'en étais"), null when the session began
 * in the help. Emptied at every session end.
 */
class HelpState {
  #tree = $state.raw<HelpTree | null>(null);
  #stack = $state.raw<HelpStack>([]);
  #returnTo = $state<Screen | null>(null);

  get node(): HelpNode | undefined {
    return this.#tree ? nodeOf(this.#tree, this.#stack[this.#stack.length - 1]) : undefined;
  }
  get canGoBack(): boolean {
    return this.#stack.length > 1;
  }
  get returnTo(): Screen | null {
    return this.#returnTo;
  }

  open(tree: HelpTree, returnTo: Screen | null): void {
    this.#tree = tree;
    this.#stack = startOf(tree);
    this.#returnTo = returnTo;
  }

  follow(next: string): void {
    if (this.#tree) this.#stack = follow(this.#tree, this.#stack, next);
  }

  back(): void {
    this.#stack = back(this.#stack);
  }

  reset(): void {
    this.#tree = null;
    this.#stack = [];
    this.#returnTo = null;
  }
}

export const helpState = new HelpState();
