const CJK = '\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff';
const LATIN = 'A-Za-z0-9';
const cjkThenLatin = new RegExp(`([${CJK}])([${LATIN}])`, 'g');
const latinThenCjk = new RegExp(`([${LATIN}])([${CJK}])`, 'g');

/**
 * One space between Chinese and Latin letters or digits (“Pod 的创建”, “3 个副本”), the
 * convention of most Chinese technical writing; punctuation is left alone.
 */
export function spaceCjkLatin(text: string): string {
  return text.replace(cjkThenLatin, '$1 $2').replace(latinThenCjk, '$1 $2');
}
