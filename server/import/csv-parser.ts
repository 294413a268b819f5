/** One CSV record and the physical line it starts on (1-based, header included). */
export interface CsvRecord {
  line: number;
  cells: string[];
}

export type CsvParse = { ok: true; records: CsvRecord[] } | { ok: false; line: number; problem: 'unterminatedQuote' | 'quoteInField' };

/**
 * RFC 4180 with what spreadsheets really export: a UTF-8 BOM, CRLF or LF line ends, quoted
 * fields holding commas, doubled quotes or line breaks. Blank lines are skipped.
 */
export function parseCsv(input: string): CsvParse {
  const text = input.startsWith('\uFEFF') ? input.slice(1) : input;
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let cellWasQuoted = false;
  let line = 1;
  let recordLine = 1;
  const endRecord = () => {
    cells.push(cell);
    if (cells.length > 1 || cells[0] !== '' || cellWasQuoted) records.push({ line: recordLine, cells });
    cells = [];
    cell = '';
    cellWasQuoted = false;
  };
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index];
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        cell += '"';
        index += 1;
      } else if (char === '"') {
        quoted = false;
      } else {
        if (char === '\n') line += 1;
        cell += char;
      }
    } else if (char === '"') {
      if (cell !== '') return { ok: false, line, problem: 'quoteInField' };
      quoted = true;
      cellWasQuoted = true;
    } else if (char === ',') {
      cells.push(cell);
      cell = '';
      cellWasQuoted = false;
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[index + 1] === '\n') index += 1;
      endRecord();
      line += 1;
      recordLine = line;
    } else {
      cell += char;
    }
  }
  if (quoted) return { ok: false, line: recordLine, problem: 'unterminatedQuote' };
  endRecord();
  return { ok: true, records };
}
