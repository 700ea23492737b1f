/**
 * gwlint's JSON findings (the CLI contract: 1-based lines, 1-based columns
 * counted in code points, exclusive ends) → editor problems (0-based lines,
 * columns in UTF-16 units, as VS Code counts). Pure, so it is tested without
 * an editor.
 */
import * as path from "path";

export interface Position {
  line: number;
  column: number;
  offset?: number;
}

export interface Finding {
  path: string;
  code: string;
  name?: string;
  severity: string;
  message: string;
  start: Position;
  end: Position;
}

/** VS Code's DiagnosticSeverity values (Error 0 … Hint 3), as the server maps them. */
export const SEVERITY: Record<string, number> = { error: 0, warning: 1, info: 2, hint: 3 };

export interface Problem {
  code: string;
  message: string;
  severity: number;
  startLine: number;
  startCharacter: number;
  endLine: number;
  endCharacter: number;
}

/** A code-point column (1-based) of a line → UTF-16 units from the line's start. */
export function utf16Character(lineText: string | undefined, column: number): number {
  const codePoints = Math.max(0, column - 1);
  if (lineText === undefined) return codePoints;
  const chars = Array.from(lineText);
  const before = chars.slice(0, codePoints).join("").length;
  return before + Math.max(0, codePoints - chars.length); // past the line's end: as given
}

/** Lines split as gwlint splits them: on \r\n, \r or \n only. */
export function splitLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

/**
 * The findings of one run, by absolute file path. `lines(file)` gives a
 * file's lines when it can be read as text (for astral characters, which take
 * two UTF-16 units); without it columns are taken as they are.
 */
export function problemsByFile(
  findings: Finding[],
  cwd: string,
  lines: (file: string) => string[] | undefined = () => undefined,
): Map<string, Problem[]> {
  const byFile = new Map<string, Problem[]>();
  const textOf = new Map<string, string[] | undefined>();
  for (const f of findings) {
    const file = path.resolve(cwd, f.path);
    if (!textOf.has(file)) textOf.set(file, lines(file));
    const text = textOf.get(file);
    const startLine = Math.max(0, f.start.line - 1);
    const endLine = Math.max(0, f.end.line - 1);
    const problem: Problem = {
      code: f.code,
      message: f.message,
      severity: SEVERITY[f.severity] ?? SEVERITY.warning,
      startLine,
      startCharacter: utf16Character(text?.[startLine], f.start.column),
      endLine,
      endCharacter: utf16Character(text?.[endLine], f.end.column),
    };
    const list = byFile.get(file) ?? [];
    list.push(problem);
    byFile.set(file, list);
  }
  return byFile;
}
