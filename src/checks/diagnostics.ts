export type Severity = 'error' | 'warning';

/** One problem in one file, addressed the way editors and CI logs understand: file:line:col. */
export interface Diagnostic {
  /** Path relative to the repository root, with forward slashes. */
  file: string;
  line: number;
  column: number;
  rule: string;
  message: string;
  severity: Severity;
}

export const error = (file: string, line: number, column: number, rule: string, message: string): Diagnostic => ({
  file,
  line,
  column,
  rule,
  message,
  severity: 'error',
});

export const warning = (file: string, line: number, column: number, rule: string, message: string): Diagnostic => ({
  ...error(file, line, column, rule, message),
  severity: 'warning',
});

export function formatPlain(d: Diagnostic): string {
  return `${d.file}:${d.line}:${d.column} ${d.severity === 'error' ? '错误' : '警告'} ${d.message} [${d.rule}]`;
}

/** GitHub Actions workflow command: shows the message inline on the pull request diff. */
export function formatGithub(d: Diagnostic): string {
  const escape = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  const prop = (s: string) => escape(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
  return `::${d.severity} file=${prop(d.file)},line=${d.line},col=${d.column},title=${prop(d.rule)}::${escape(d.message)}`;
}

/** Errors before warnings, then by place: what must be fixed comes first. */
export const reportOrder = (a: Diagnostic, b: Diagnostic) =>
  Number(a.severity === 'warning') - Number(b.severity === 'warning') || byLocation(a, b);

export const byLocation = (a: Diagnostic, b: Diagnostic) =>
  a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.rule.localeCompare(b.rule);

/** 1-based line and column of a character offset. */
export function positionAt(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}
