import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../../server/import/csv-parser';

describe('parseCsv', () => {
  it('splits plain rows and numbers their lines', () => {
    expect(parseCsv('a,b\n1,2\n3,4\n')).toEqual({ ok: true, records: [{ line: 1, cells: ['a', 'b'] }, { line: 2, cells: ['1', '2'] }, { line: 3, cells: ['3', '4'] }] });
  });

  it('strips a BOM and accepts CRLF', () => {
    expect(parseCsv('\uFEFFa,b\r\n1,2\r\n')).toEqual({ ok: true, records: [{ line: 1, cells: ['a', 'b'] }, { line: 2, cells: ['1', '2'] }] });
  });

  it('reads quoted commas, doubled quotes and line breaks, keeping later line numbers right', () => {
    const parsed = parseCsv('name,note\n"Dupont, Jr","say ""hi"""\n"two\nlines",x\nlast,y');
    expect(parsed).toEqual({
      ok: true,
      records: [
        { line: 1, cells: ['name', 'note'] },
        { line: 2, cells: ['Dupont, Jr', 'say "hi"'] },
        { line: 3, cells: ['two\nlines', 'x'] },
        { line: 5, cells: ['last', 'y'] },
      ],
    });
  });

  it('keeps empty cells and skips blank lines', () => {
    expect(parseCsv('a,,c\n\n,,\n')).toEqual({ ok: true, records: [{ line: 1, cells: ['a', '', 'c'] }, { line: 3, cells: ['', '', ''] }] });
  });

  it('keeps apostrophes and accents untouched', () => {
    expect(parseCsv("N'Guessan-Lefèvre,Zoé")).toEqual({ ok: true, records: [{ line: 1, cells: ["N'Guessan-Lefèvre", 'Zoé'] }] });
  });

  it('reports an unterminated quote with the line it started on', () => {
    expect(parseCsv('a,b\n1,"open\n2,3\n')).toEqual({ ok: false, line: 2, problem: 'unterminatedQuote' });
  });

  it('reports a quote in the middle of a field', () => {
    expect(parseCsv('a,b\nab"c,d\n')).toEqual({ ok: false, line: 2, problem: 'quoteInField' });
  });
});
