/**
 * The extension's settings, and what follows from them: how to start the
 * language server, what to send it, and the command line of a workspace run.
 * Pure functions of the settings (no `vscode` import), so the tests can check
 * them without an editor.
 */

export type TypoSensitivity = "default" | "review";

export interface Settings {
  /** The gwlint executable: a name on PATH or a full path. */
  path: string;
  /** The typo tier, when the user chose one; otherwise gwlint.toml decides. */
  typoSensitivity?: TypoSensitivity;
  select: string[];
  ignore: string[];
}

/** The part of `vscode.WorkspaceConfiguration` that the settings are read from. */
export interface ConfigurationLike {
  get<T>(section: string): T | undefined;
  inspect?<T>(section: string): { globalValue?: T; workspaceValue?: T; workspaceFolderValue?: T } | undefined;
}

function codes(value: unknown): string[] {
  return Array.isArray(value) ? value.map((c) => String(c).trim().toUpperCase()).filter((c) => c.length > 0) : [];
}

/** Whether the user set `section` anywhere (not only its contributed default). */
function chosen(config: ConfigurationLike, section: string): boolean {
  const seen = config.inspect?.(section);
  if (!seen) return config.get(section) !== undefined;
  return seen.globalValue !== undefined || seen.workspaceValue !== undefined || seen.workspaceFolderValue !== undefined;
}

export function readSettings(config: ConfigurationLike): Settings {
  const path = (config.get<string>("path") ?? "").trim() || "gwlint";
  const tier = config.get<string>("typoSensitivity");
  const typoSensitivity =
    (tier === "default" || tier === "review") && chosen(config, "typoSensitivity") ? tier : undefined;
  return { path, typoSensitivity, select: codes(config.get("select")), ignore: codes(config.get("ignore")) };
}

/**
 * The settings object the server reads (initializationOptions, and
 * workspace/didChangeConfiguration), under "gwlint" as `gwlint lsp --help`
 * says. Empty lists and an unchosen tier are left out, so that gwlint.toml
 * decides.
 */
export function serverSettings(s: Settings): { gwlint: Record<string, unknown> } {
  const gwlint: Record<string, unknown> = {};
  if (s.select.length) gwlint.select = s.select;
  if (s.ignore.length) gwlint.ignore = s.ignore;
  if (s.typoSensitivity) gwlint["typo-sensitivity"] = s.typoSensitivity;
  return { gwlint };
}

/**
 * How to start the server: `gwlint lsp` over stdin/stdout. No transport is
 * named, so vscode-languageclient adds no `--stdio` (gwlint accepts it, older
 * versions ignored it).
 */
export function serverExecutable(s: Settings): { command: string; args: string[] } {
  return { command: s.path, args: ["lsp"] };
}

/** The command line of "Lint Workspace" for one folder (JSON on stdout). */
export function lintArguments(s: Settings, folder: string): string[] {
  const args = ["--format", "json", "--no-progress"];
  if (s.select.length) args.push("--select", s.select.join(","));
  if (s.ignore.length) args.push("--ignore", s.ignore.join(","));
  args.push(folder);
  return args;
}
