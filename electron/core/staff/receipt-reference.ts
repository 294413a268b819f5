import { ReceiptReferenceSchema } from '../../../shared/contract/fleet-api';

/**
 * The reference as staff type it off a receipt: any case, with or without `SES`, spaces or
 * dashes (`ses 7k4q 92xd`, `7K4Q-92XD`). Null when it cannot be a receipt reference at all.
 */
export function receiptReferenceFrom(typed: string): string | null {
  const compact = typed.toUpperCase().replace(/[^A-Z0-9]/g, '');
  const body = compact.length === 11 && compact.startsWith('SES') ? compact.slice(3) : compact;
  if (body.length !== 8) return null;
  const reference = `SES-${body.slice(0, 4)}-${body.slice(4)}`;
  return ReceiptReferenceSchema.safeParse(reference).success ? reference : null;
}
