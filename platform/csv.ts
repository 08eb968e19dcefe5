import { requireNoNul } from './input-guard.js';

/**
 * One CSV record split into fields, RFC 4180 quoting: a field starting with a double quote runs
 * to the closing quote, `""` inside it being a quote; elsewhere quotes are plain characters.
 * Fields are returned as written (callers trim when their format allows padding).
 */
export function splitCsvLine(line: string, separator = ';'): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === separator) {
      fields.push(field);
      field = '';
    } else field += ch;
  }
  fields.push(field);
  return fields;
}

/**
 * Text of an uploaded file: UTF-8, or Windows-1252 (older official extracts and hospital
 * software) when the bytes are not valid UTF-8; without a byte-order mark. A file holding a NUL
 * character (U+0000, which no text column can store) is refused: BAD_USER_INPUT naming its line.
 */
export function decodeText(bytes: Uint8Array): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder('windows-1252').decode(bytes);
  }
  requireNoNul(text);
  return text.replace(/^\uFEFF/, '');
}
