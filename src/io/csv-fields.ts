/**
 * Split one CSV line into fields with RFC 4180 quoting (`"a,b"`, `""` for a quote); no embedded
 * newlines. Shared by every small CSV reader in segscope (truth files, vector files).
 * @example csvFields('u1,"a,b",3') // ['u1', 'a,b', '3']
 */
export function csvFields(line: string, delimiter = ','): string[] {
  const out: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === delimiter) {
      out.push(field);
      field = '';
    } else field += ch;
  }
  out.push(field);
  return out;
}
