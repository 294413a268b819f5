import { describe, expect, it } from 'vitest';
import { receiptReferenceFrom } from '../../../../electron/core/staff/receipt-reference';

/** Staff type the reference off a person's receipt (issue 5): the way they type it must not matter. */
describe('receiptReferenceFrom', () => {
  it.each([
    ['SES-7K4Q-92XD', 'SES-7K4Q-92XD'],
    ['ses-7k4q-92xd', 'SES-7K4Q-92XD'],
    [' SES 7K4Q 92XD ', 'SES-7K4Q-92XD'],
    ['7K4Q-92XD', 'SES-7K4Q-92XD'],
    ['7k4q92xd', 'SES-7K4Q-92XD'],
  ])('reads %j as %s', (typed, reference) => {
    expect(receiptReferenceFrom(typed)).toBe(reference);
  });

  it.each(['', 'Dupont', 'SES-7K4Q', 'SES-7K4Q-92XD-1', '7K4Q-92X'])('refuses %j', (typed) => {
    expect(receiptReferenceFrom(typed)).toBeNull();
  });
});
