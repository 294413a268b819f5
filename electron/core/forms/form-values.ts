/** An untouched optional field arrives as `''` from a form: the same as absent. */
export function filled(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}
