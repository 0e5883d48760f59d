const TYPES = 'String|Object|List|list|Boolean|Integer|int|Int|Number|Map|Array';
const ROW = new RegExp(`^([A-Za-z][\\w.]*(?: ?\\[\\])?(?:\\.[\\w.]+(?: ?\\[\\])?)*)\\s?(${TYPES})(?: ?\\[\\])?(\\S.*)$`);

/**
 * The tutorial's field tables lost their cell borders: `参数名字段类型说明` over rows like
 * `metadata.nameString元数据对象的名字…`. A row splits at the field path, its type word and the
 * description; the header is re-cut the same way. Returns null when any row does not fit, so a
 * paragraph that merely looks similar is left alone.
 */
export function splitConcatenatedTable(header: string, rows: readonly string[]): { header: string[]; rows: string[][] } | null {
  const cells = rows.map((r) => {
    const m = ROW.exec(r.trim().replace(/ \[\]/g, '[]'));
    return m ? [m[1]!, m[2]!, m[3]!.trim()] : null;
  });
  if (cells.some((c) => c === null) || cells.length === 0) return null;
  const h = /^(参数名)(字段类型)(说明)$/.exec(header.trim()) ?? /^(\S+?)(类型)(\S+)$/.exec(header.trim());
  return { header: h ? [h[1]!, h[2]!, h[3]!] : [header, '', ''], rows: cells as string[][] };
}

export function isConcatenatedHeader(text: string): boolean {
  return /^参数名字段类型说明$|^(字段|参数|名称)+类型(说明|描述)$/.test(text.trim());
}
